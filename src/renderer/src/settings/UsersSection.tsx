import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd'
import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons'
import type { UserView } from '@shared/contract/auth'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { RecoveryCodeNotice } from '../app/RecoveryCodeNotice'
import { errorText } from '../app/session'
import { UserDialog } from './UserDialog'

export const USERS_KEY = ['users.list'] as const

const isLocked = (u: UserView) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now()

export function UsersSection(): React.JSX.Element {
  const t = useT()
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => call('users.list', {}) })
  const [editing, setEditing] = useState<UserView | 'new' | null>(null)
  const [newCode, setNewCode] = useState<string | null>(null)
  const qc = useQueryClient()
  const { modal, message } = App.useApp()
  const unlock = useMutation({
    mutationFn: (id: number) => call('users.unlock', { id }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: USERS_KEY }),
    onError: (e) => void message.error(errorText(e, t))
  })
  const renew = useMutation({
    mutationFn: () => call('auth.renewRecoveryCode', {}),
    onSuccess: (r) => setNewCode(r.recoveryCode),
    onError: (e) => void message.error(errorText(e, t))
  })
  const columns = [
    { title: t('ui.user.username'), dataIndex: 'username', key: 'username' },
    { title: t('ui.user.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('ui.user.role'), key: 'role', render: (u: UserView) => t(`role.${u.role}`) },
    {
      title: t('ui.user.active'),
      key: 'active',
      render: (u: UserView) => (
        <>
          <Tag color={u.active ? 'success' : 'default'}>{t(u.active ? 'settings.users.active' : 'settings.users.inactive')}</Tag>
          {isLocked(u) && (
            <>
              <Tooltip title={t('auth.lockedUntil', { time: new Date(u.lockedUntil as string).toLocaleTimeString() })}>
                <Tag color="error" icon={<LockOutlined />} data-testid={`user-locked-${u.username}`}>
                  {t('auth.locked')}
                </Tag>
              </Tooltip>
              <Button size="small" icon={<UnlockOutlined />} loading={unlock.isPending} onClick={() => unlock.mutate(u.id)} data-testid={`user-unlock-${u.username}`}>
                {t('auth.unlock')}
              </Button>
            </>
          )}
        </>
      )
    },
    {
      title: '',
      key: 'edit',
      width: 90,
      render: (u: UserView) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
          {t('settings.edit')}
        </Button>
      )
    }
  ]
  return (
    <Card
      size="small"
      title={t('settings.users.title')}
      extra={
        <Space>
          <Button
            icon={<KeyOutlined />}
            loading={renew.isPending}
            onClick={() => modal.confirm({ title: t('auth.recovery.renew'), content: t('auth.recovery.renewConfirm'), onOk: () => renew.mutate() })}
            data-testid="recovery-renew"
          >
            {t('auth.recovery.renew')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-add">
            {t('settings.users.add')}
          </Button>
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={users.isPending}
        dataSource={users.data ?? []}
        columns={columns}
        data-testid="users-table"
        locale={{ emptyText: users.isError ? errorText(users.error, t) : undefined }}
      />
      <RecoveryCodeNotice code={newCode} onDone={() => setNewCode(null)} />
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}
