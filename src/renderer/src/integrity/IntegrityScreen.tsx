import { useQuery } from '@tanstack/react-query'
import { Alert, Result, Spin, Typography } from 'antd'
import type { DatabaseHealth } from '@shared/contract/system'
import { LOCALES, translator, type Translate } from '@shared/i18n'
import { call } from '../api/client'
import './integrity.css'

type Damaged = Extract<DatabaseHealth, { state: 'damaged' }>

/**
 * Shown instead of everything else when main refused the database at start (every call answers
 * DATABASE_DAMAGED). The store's language is stored in that very file, so it speaks both.
 */
export function IntegrityScreen(): React.JSX.Element {
  const health = useQuery({ queryKey: ['system.health'], queryFn: () => call('system.health', {}), staleTime: Infinity })
  if (!health.data || health.data.state !== 'damaged') {
    return (
      <div className="center-screen">
        <Spin size="large" />
      </div>
    )
  }
  const damaged = health.data
  return (
    <div className="integrity-screen" data-testid="integrity-screen">
      {LOCALES.map((locale, i) => (
        <Explanation key={locale} t={translator(locale)} health={damaged} lang={locale} withIcon={i === 0} />
      ))}
      <section className="integrity-facts">
        <Typography.Text strong>{`${translator('zh-CN')('system.damaged.file')} / ${translator('en')('system.damaged.file')}`}</Typography.Text>
        <pre className="integrity-path">{damaged.dbPath}</pre>
        {damaged.details.length > 0 && (
          <>
            <Typography.Text strong>{`${translator('zh-CN')('system.damaged.details')} / ${translator('en')('system.damaged.details')}`}</Typography.Text>
            <pre className="integrity-details">{damaged.details.join('\n')}</pre>
          </>
        )}
      </section>
    </div>
  )
}

function Explanation({ t, health, lang, withIcon }: { t: Translate; health: Damaged; lang: string; withIcon: boolean }): React.JSX.Element {
  const backup = health.newestBackup
  return (
    <section lang={lang}>
      <Result
        status="error"
        icon={withIcon ? undefined : <span />}
        title={t('system.damaged.title')}
        subTitle={t('system.damaged.lead')}
        className="integrity-result"
      />
      <Alert type="error" showIcon message={t(`system.damaged.problem.${health.problem}`)} />
      <Alert
        className="integrity-backup"
        type={backup ? 'info' : 'warning'}
        showIcon
        message={backup ? t('system.damaged.backup', { path: backup.path, takenAt: new Date(backup.takenAt).toLocaleString(lang) }) : t('system.damaged.noBackup')}
        description={t('system.damaged.whatNow')}
      />
    </section>
  )
}
