import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Table, Tag } from 'antd'
import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import type { UserView } from '@shared/contract/auth'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { UserDialog } from './UserDialog'

export const USERS_KEY = ['users.list'] as const

export function UsersSection(): React.JSX.Element {
  const t = useT()
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => call('users.list', {}) })
  const [editing, setEditing] = useState<UserView | 'new' | null>(null)
  const columns = [
    { title: t('ui.user.username'), dataIndex: 'username', key: 'username' },
    { title: t('ui.user.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('ui.user.role'), key: 'role', render: (u: UserView) => t(`role.${u.role}`) },
    {
      title: t('ui.user.active'),
      key: 'active',
      render: (u: UserView) => <Tag color={u.active ? 'success' : 'default'}>{t(u.active ? 'settings.users.active' : 'settings.users.inactive')}</Tag>
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-add">
          {t('settings.users.add')}
        </Button>
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
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}
