import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Alert, App, Button, Input, Modal, Table, Tag, Typography } from 'antd'
import type { BackupEntry } from '@shared/contract/backup'
import type { StoreSettings } from '@shared/contract/settings'
import { localDateTime } from '@shared/domain/dates'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { ApprovalFields, NO_APPROVAL, type ApprovalValue } from '../warehouse/MovesCommon'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

export const BACKUPS_KEY = ['backups.list'] as const

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** 设置 → 备份 (manager): the backup folder, "Back up now", the backups, and restore with the manager's PIN. */
export function BackupSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const { form, dirty, save, saving, reset } = useSection({ backup: settings.backup })
  const list = useQuery({ queryKey: BACKUPS_KEY, queryFn: () => call('backups.list', {}) })
  // A new folder saved: where backups go, and the files found there, are read again.
  const folder = settings.backup?.folder
  useEffect(() => void qc.invalidateQueries({ queryKey: BACKUPS_KEY }), [folder, qc])
  const [restoring, setRestoring] = useState<Restorable | null>(null)
  const now = useMutation({
    mutationFn: () => call('backups.now', {}),
    onSuccess: (b) => {
      if (b.verified) return void message.success(t('backup.done', { path: b.path }))
      // A large store: the copy is taken, its integrity check runs on; the list shows it when done.
      message.info(t('backup.verifying', { path: b.path }))
      setTimeout(() => void qc.invalidateQueries({ queryKey: BACKUPS_KEY }), 10_000)
    },
    onError: (e) => message.error(errorText(e, t)),
    onSettled: () => void qc.invalidateQueries({ queryKey: BACKUPS_KEY })
  })
  const data = list.data
  const nowButton = (
    <Button onClick={() => now.mutate()} loading={now.isPending} disabled={dirty} data-testid="backup-now">
      {t('backup.now')}
    </Button>
  )
  return (
    <SectionCard id="backup" title={t('backup.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset} extra={nowButton}>
      <Typography.Paragraph type="secondary">{t('backup.lead')}</Typography.Paragraph>
      <Field path="backup.folder" label={t('backup.folder')} error={form.error('backup.folder')} extra={t('backup.folderHint', { path: data?.defaultFolder ?? '' })}>
        <Input {...form.text('backup.folder')} placeholder={data?.defaultFolder} style={{ maxWidth: 640 }} />
      </Field>
      {data && (
        <Typography.Paragraph data-testid="backup-current">
          {t('backup.current', { path: data.folder })}
        </Typography.Paragraph>
      )}
      {data?.lastFailure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 10 }}
          data-testid="backup-last-failure"
          message={t('backup.lastFailure', { at: localDateTime(data.lastFailure.at, settings.timeZone), message: data.lastFailure.message })}
        />
      )}
      {data?.lastRestore && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 10 }}
          data-testid="backup-last-restore"
          message={t('backup.lastRestore', {
            at: localDateTime(data.lastRestore.at, settings.timeZone),
            from: fileName(data.lastRestore.from),
            replaced: data.lastRestore.replacedPath ?? '—'
          })}
        />
      )}
      <Typography.Title level={5}>{t('backup.list')}</Typography.Title>
      <Table<BackupEntry>
        size="small"
        rowKey="path"
        data-testid="backup-list"
        loading={list.isLoading}
        dataSource={data?.backups ?? []}
        pagination={false}
        locale={{ emptyText: t('backup.empty') }}
        columns={[
          { key: 'time', title: t('backup.col.time'), dataIndex: 'localTime' },
          { key: 'size', title: t('backup.col.size'), render: (_, b) => sizeText(b.sizeBytes), align: 'right' },
          {
            key: 'verified',
            title: t('backup.col.verified'),
            render: (_, b) => <Tag color={b.verified ? 'green' : 'red'}>{t(b.verified ? 'backup.verified.yes' : 'backup.verified.no')}</Tag>
          },
          { key: 'schema', title: t('backup.col.schema'), render: (_, b) => <Typography.Text code>{b.schema}</Typography.Text> },
          { key: 'reason', title: t('backup.col.reason'), render: (_, b) => t(`backup.reason.${b.reason}`) },
          { key: 'file', title: t('backup.col.file'), render: (_, b) => <Typography.Text title={b.path}>{fileName(b.path)}</Typography.Text> },
          {
            key: 'restore',
            title: '',
            render: (_, b) => (
              <Button size="small" danger disabled={!b.verified} onClick={() => setRestoring(b)} data-testid="backup-restore">
                {t('backup.restore')}
              </Button>
            )
          }
        ]}
      />
      {!!data?.found.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('backup.found.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('backup.found.hint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="path"
            data-testid="backup-found"
            dataSource={data.found}
            pagination={false}
            columns={[
              { key: 'time', title: t('backup.found.modified'), render: (_, f) => localDateTime(f.modifiedAt, settings.timeZone) },
              { key: 'size', title: t('backup.col.size'), render: (_, f) => sizeText(f.sizeBytes), align: 'right' },
              { key: 'file', title: t('backup.col.file'), render: (_, f) => <Typography.Text title={f.path}>{fileName(f.path)}</Typography.Text> },
              {
                key: 'restore',
                title: '',
                render: (_, f) => (
                  <Button size="small" danger onClick={() => setRestoring({ path: f.path, localTime: localDateTime(f.modifiedAt, settings.timeZone) })} data-testid="backup-found-restore">
                    {t('backup.restore')}
                  </Button>
                )
              }
            ]}
          />
        </>
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </SectionCard>
  )
}

/** Restore: what it replaces, the manager's user name + PIN, then the app reopens (or asks for a restart). */
/** A listed backup, or a file found in the folder (checked when restored). */
type Restorable = Pick<BackupEntry, 'path' | 'localTime'>

function RestoreDialog({ backup, onClose }: { backup: Restorable; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const { message, modal } = App.useApp()
  const [approval, setApproval] = useState<ApprovalValue>(NO_APPROVAL)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const restore = useMutation({
    mutationFn: () => call('backups.restore', { file: backup.path, approval }),
    onSuccess: (r) => {
      onClose()
      const lines = [r.migrated ? t('backup.restore.migrated') : '', t(r.restart === 'automatic' ? 'backup.restore.doneAutomatic' : 'backup.restore.doneManual')]
      if (r.restart === 'automatic') {
        message.success(lines.filter(Boolean).join(' '))
        // The app reopened on the restored database: everyone signs in again.
        setTimeout(() => window.location.reload(), 1500)
      } else modal.info({ title: t('backup.restore.title'), content: lines.filter(Boolean).join('\n') })
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      message.error(errorText(e, t))
    }
  })
  return (
    <Modal
      open
      title={t('backup.restore.title')}
      onCancel={onClose}
      okText={t('backup.restore.confirm')}
      okButtonProps={{ danger: true, loading: restore.isPending, disabled: !approval.username || !approval.pin, id: 'backup-restore-confirm' }}
      onOk={() => restore.mutate()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('backup.restore.warning', { time: backup.localTime })} />
      <Typography.Paragraph>
        <Typography.Text code>{backup.path}</Typography.Text>
      </Typography.Paragraph>
      {errors.file && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.file} data-testid="backup-restore-error" />}
      <Typography.Paragraph strong>{t('backup.restore.approval')}</Typography.Paragraph>
      <ApprovalFields value={approval} onChange={(v) => (setApproval(v), setErrors({}))} errors={errors} />
    </Modal>
  )
}
