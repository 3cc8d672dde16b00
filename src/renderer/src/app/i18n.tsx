import { createContext, useContext, useMemo, type ReactNode } from 'react'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { ConfigProvider, App as AntApp, theme } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import enUS from 'antd/locale/en_US'
import { translator, type Locale, type Translate } from '@shared/i18n'

interface I18n {
  locale: Locale
  t: Translate
}

const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: translator('zh-CN') })

export function useI18n(): I18n {
  return useContext(I18nContext)
}

export function useT(): Translate {
  return useContext(I18nContext).t
}

/** One place that keeps our strings, antd's built-in strings and dayjs in the same language. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }): React.JSX.Element {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale])
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        componentSize="middle"
        button={{ autoInsertSpace: false }}
        theme={{ algorithm: theme.compactAlgorithm, token: { colorPrimary: '#1f6feb', borderRadius: 4 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  )
}
