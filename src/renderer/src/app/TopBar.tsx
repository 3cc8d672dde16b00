import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd'
import { LogoutOutlined, SwapOutlined } from '@ant-design/icons'
import type { SessionView } from '@shared/contract/auth'
import { call } from '../api/client'
import { canCall, ROUTE_CHANNEL, type Route } from './access'
import { useT } from './i18n'
import { LanguageSwitch } from './LanguageSwitch'
import { PrinterIndicator } from './PrinterIndicator'
import { useApplySession } from './session'
import { SwitchUserDialog } from './SwitchUserDialog'
import { GlobalSearch } from '../search/GlobalSearch'

const NAV = ['intake', 'pickup', 'orders', 'bench', 'notices', 'loaners', 'warehouse', 'followups', 'complaints', 'dayclose', 'dashboard', 'audit', 'settings'] as const

export function TopBar({ session, route, onNavigate }: { session: SessionView; route: Route; onNavigate: (r: Route) => void }): React.JSX.Element {
  const t = useT()
  const apply = useApplySession()
  const [switching, setSwitching] = useState(false)
  const user = session.user
  const signOut = useMutation({ mutationFn: () => call('auth.signOut', {}), onSuccess: apply })
  const items = NAV.filter((n) => canCall(user?.role, ROUTE_CHANNEL[n])).map((n) => ({
    key: n,
    label: <span data-testid={`nav-${n}`}>{t(`ui.nav.${n}`)}</span>
  }))
  const selected = route.name === 'order' ? 'orders' : route.name

  // The screens get a row of their own: a manager has a dozen, and none may hide behind "…" at 1366 px.
  return (
    <div className="topbar-wrap">
    <Layout.Header className="topbar">
      <Typography.Text strong className="topbar-store" data-testid="store-name">
        {session.storeName || t('ui.app.title')}
      </Typography.Text>
      <span className="topbar-spacer" />
      <Space size="middle" className="topbar-right">
        {user && <GlobalSearch onOpenOrder={(orderId) => onNavigate({ name: 'order', orderId })} />}
        <PrinterIndicator />
        <LanguageSwitch locale={session.locale} />
        {user && (
          <span data-testid="current-user">
            {user.displayName} <Tag>{t(`role.${user.role}`)}</Tag>
          </span>
        )}
        <Tooltip title={t('ui.user.switchHint')}>
          <Button icon={<SwapOutlined />} onClick={() => setSwitching(true)} data-testid="switch-user">
            {t('ui.user.switch')}
          </Button>
        </Tooltip>
        <Button icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending} data-testid="sign-out">
          {t('ui.user.signOut')}
        </Button>
      </Space>
      <SwitchUserDialog open={switching} current={user?.username} onClose={() => setSwitching(false)} />
    </Layout.Header>
      <Menu
        mode="horizontal"
        className="topbar-nav"
        selectedKeys={[selected]}
        items={items}
        onClick={(e) => onNavigate({ name: e.key as (typeof NAV)[number] })}
      />
    </div>
  )
}
