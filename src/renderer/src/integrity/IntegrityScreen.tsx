import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Alert, Button, Input, Result, Space, Spin, Typography } from 'antd'
import type { DatabaseHealth } from '@shared/contract/system'
import { LOCALES, translator, type Translate } from '@shared/i18n'
import { ApiError, call } from '../api/client'
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
      {damaged.newestBackup && <RestoreNewest />}
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
        description={
          <>
            <div>{t('system.damaged.whatNow')}</div>
            {backup && <div data-testid="integrity-backup-howto">{t('backup.damaged.howTo')}</div>}
          </>
        }
      />
    </section>
  )
}

const both = (key: string, params?: Record<string, string | number>) => `${translator('zh-CN')(key, params)} / ${translator('en')(key, params)}`

/** The newest good backup in place of the damaged file, with a manager's PIN from that backup (main keeps the damaged file aside). */
function RestoreNewest(): React.JSX.Element {
  const [username, setUsername] = useState('')
  const [pin, setPin] = useState('')
  const restore = useMutation({
    mutationFn: () => call('backups.restoreDamaged', { approval: { username, pin } }),
    onSuccess: (r) => {
      // Reopened on the restored database: the page starts again at sign-in.
      if (r.restart === 'automatic') setTimeout(() => window.location.reload(), 1500)
    }
  })
  const error = restore.error instanceof ApiError ? (restore.error.fields?.['approval.pin'] ?? restore.error.fields?.['approval.username'] ?? restore.error.message) : null
  return (
    <section className="integrity-restore" data-testid="integrity-restore">
      <Typography.Text strong>{both('backup.damaged.restoreTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary">{both('backup.damaged.restoreLead')}</Typography.Paragraph>
      <Space wrap align="start">
        <Input id="restore-username" placeholder={both('backup.damaged.username')} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        <Input.Password id="restore-pin" placeholder={both('backup.damaged.pin')} value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
        <Button type="primary" danger loading={restore.isPending} disabled={!username || !pin || restore.isSuccess} onClick={() => restore.mutate()} data-testid="integrity-restore-submit">
          {both('backup.damaged.restore')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error} data-testid="integrity-restore-error" />}
      {restore.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="integrity-restore-done"
          message={both(restore.data.restart === 'automatic' ? 'backup.restore.doneAutomatic' : 'backup.restore.doneManual')}
        />
      )}
    </section>
  )
}
