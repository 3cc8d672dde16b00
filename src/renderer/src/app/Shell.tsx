import { useEffect, useState } from 'react'
import { Layout } from 'antd'
import type { SessionView } from '@shared/contract/auth'
import { AuditScreen } from '../audit/AuditScreen'
import { IntakeScreen } from '../intake/IntakeScreen'
import { OrderPage } from '../orders/OrderPage'
import { OrdersList } from '../orders/OrdersList'
import { SettingsScreen } from '../settings/SettingsScreen'
import { allowed, canCall, homeRoute, type Route } from './access'
import { TopBar } from './TopBar'
import { WarehouseScreen } from '../warehouse/WarehouseScreen'
import { BenchScreen } from '../bench/BenchScreen'
import { PickupScreen } from '../pickup/PickupScreen'
import { NoticesScreen } from '../notices/NoticesScreen'
import { LoanersScreen } from '../loaners/LoanersScreen'
import { Dashboard } from '../manager/Dashboard'
import { FollowUpScreen } from '../manager/FollowUpScreen'
import { ComplaintsScreen } from '../manager/ComplaintsScreen'
import { DayCloseBanner, DayCloseScreen } from '../manager/DayCloseScreen'

/**
 * Signed-in frame. Routing is plain state: the intake form stays mounted (hidden) while the clerk
 * looks something up, so a half-typed intake survives navigation and a user switch.
 */
export function Shell({ session }: { session: SessionView }): React.JSX.Element {
  const role = session.user?.role
  const [route, setRoute] = useState<Route>(() => homeRoute(role))
  const [back, setBack] = useState<Route>(() => homeRoute(role))
  const [intakeKey, setIntakeKey] = useState(0)

  useEffect(() => {
    // A switch to a user with fewer rights must not leave a screen they cannot use on display.
    if (!allowed(role, route)) setRoute(homeRoute(role))
  }, [role, route])

  const go = (next: Route) => {
    if (next.name === 'order') setBack(route.name === 'order' ? back : route)
    setRoute(next)
  }
  const intakeAllowed = canCall(role, 'intake.create')

  return (
    <Layout className="shell">
      <TopBar session={session} route={route} onNavigate={go} />
      <Layout.Content className="shell-content">
        <DayCloseBanner role={role} onGo={() => go({ name: 'dayclose' })} hideFloat={route.name === 'dayclose'} />
        {intakeAllowed && (
          <div hidden={route.name !== 'intake'}>
            <IntakeScreen
              key={intakeKey}
              active={route.name === 'intake'}
              onCreated={(orderId) => {
                setIntakeKey((k) => k + 1)
                setBack({ name: 'intake' })
                setRoute({ name: 'order', orderId })
              }}
              onOpenOrder={(orderId) => go({ name: 'order', orderId })}
            />
          </div>
        )}
        {route.name === 'orders' && <OrdersList onOpen={(orderId) => go({ name: 'order', orderId })} />}
        {route.name === 'order' && (
          <OrderPage key={route.orderId} orderId={route.orderId} role={role} onBack={() => setRoute(back)} backTo={back.name} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />
        )}
        {route.name === 'settings' && <SettingsScreen />}
        {route.name === 'audit' && <AuditScreen />}
        {route.name === 'warehouse' && (
          <WarehouseScreen role={role} tab={route.tab ?? 'parts'} onTab={(tab) => setRoute({ name: 'warehouse', tab })} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />
        )}
        {route.name === 'bench' && <BenchScreen role={role} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />}
        {route.name === 'pickup' && <PickupScreen role={role} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />}
        {route.name === 'notices' && <NoticesScreen role={role} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />}
        {route.name === 'loaners' && <LoanersScreen role={role} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />}
        {route.name === 'dashboard' && <Dashboard />}
        {route.name === 'dayclose' && <DayCloseScreen />}
        {route.name === 'followups' && <FollowUpScreen onOpenOrder={(orderId) => go({ name: 'order', orderId })} onOpenComplaint={(complaintId) => go({ name: 'complaints', complaintId })} />}
        {route.name === 'complaints' && (
          <ComplaintsScreen complaintId={route.complaintId} onOpenComplaint={(complaintId) => setRoute({ name: 'complaints', complaintId })} onOpenOrder={(orderId) => go({ name: 'order', orderId })} />
        )}
      </Layout.Content>
    </Layout>
  )
}
