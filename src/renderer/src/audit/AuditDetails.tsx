import type { AuditRowView } from '@shared/contract/audit'
import { hasMessage, type Translate } from '@shared/i18n'

const shown = (v: unknown, t: Translate): string => {
  if (v === null || v === undefined || v === '') return t('audit.empty.value')
  return typeof v === 'string' ? v : JSON.stringify(v)
}

/** One row's "what": old → new per changed field, the typed user name, then any other detail. */
export function AuditDetails({ row, t }: { row: AuditRowView; t: Translate }): React.JSX.Element {
  const { changes, username, pinReset, ...rest } = (row.detail ?? {}) as {
    changes?: Record<string, { old: unknown; new: unknown }>
    username?: string
    pinReset?: boolean
    [k: string]: unknown
  }
  return (
    <div className="audit-details">
      {changes &&
        Object.entries(changes).map(([path, c]) => (
          <div key={path}>
            <code>{path}</code>: <del>{shown(c.old, t)}</del> → <ins>{shown(c.new, t)}</ins>
          </div>
        ))}
      {username && row.action.startsWith('auth.') && <div>{t('audit.typedName', { name: username })}</div>}
      {pinReset && <div>{t('audit.pinReset')}</div>}
      {Object.keys(rest).length > 0 && <div className="audit-rest">{JSON.stringify(rest)}</div>}
    </div>
  )
}

export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`
  return hasMessage(key) ? t(key) : action
}

export function targetLabel(row: AuditRowView, t: Translate): string {
  if (row.targetName) return row.targetName
  if (row.entity === 'user') return row.entityId !== null ? t('audit.target.user', { id: row.entityId }) : '—'
  if (row.entity === 'store' || row.entity === 'settings') return t(`audit.target.${row.entity}`)
  return row.entityId !== null ? `${row.entity} #${row.entityId}` : row.entity
}
