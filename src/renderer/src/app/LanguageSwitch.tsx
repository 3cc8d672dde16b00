import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Segmented } from 'antd'
import { LOCALES, type Locale } from '@shared/i18n'
import type { SessionView } from '@shared/contract/auth'
import { call } from '../api/client'
import { useT } from './i18n'
import { errorText, SESSION_KEY } from './session'

/** This window's language (main answers in it too); receipts keep the store's language from Settings. */
export function LanguageSwitch({ locale }: { locale: Locale }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const setLocale = useMutation({
    mutationFn: (next: Locale) => call('settings.setLocale', { locale: next }),
    onSuccess: (session) => {
      qc.setQueryData<SessionView>(SESSION_KEY, session)
      // Everything main translated (printer detail, verdict texts) must be fetched again.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
    },
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Segmented
      size="small"
      data-testid="language-switch"
      aria-label={t('ui.lang.label')}
      value={locale}
      options={LOCALES.map((l) => ({ value: l, label: t(`ui.lang.${l}`) }))}
      onChange={(v) => setLocale.mutate(v as Locale)}
      disabled={setLocale.isPending}
    />
  )
}
