import { Spin, Tabs } from 'antd'
import { useT } from '../app/i18n'
import { useSettings } from '../app/session'
import { BackupSection } from './BackupSection'
import { CalendarSection } from './CalendarSection'
import { CatalogueSection } from './CatalogueSection'
import { PrinterSection } from './PrinterSection'
import { StoreSection } from './StoreSection'
import { TicketSection } from './TicketSection'
import { UsersSection } from './UsersSection'
import { WarrantySection } from './WarrantySection'

/** 设置 (manager): each tab edits one section and saves only that section. */
export function SettingsScreen(): React.JSX.Element {
  const t = useT()
  const settings = useSettings()
  if (!settings.data) return <Spin style={{ display: 'block', marginTop: 80 }} />
  const s = settings.data
  const tabs = [
    { key: 'store', children: <StoreSection settings={s} /> },
    { key: 'printer', children: <PrinterSection settings={s} /> },
    { key: 'ticket', children: <TicketSection settings={s} /> },
    { key: 'users', children: <UsersSection /> },
    { key: 'catalogues', children: <CatalogueSection settings={s} /> },
    { key: 'warranty', children: <WarrantySection settings={s} /> },
    { key: 'calendar', children: <CalendarSection settings={s} /> },
    { key: 'backup', children: <BackupSection settings={s} /> }
  ]
  return (
    <Tabs
      className="settings-tabs"
      data-testid="settings-screen"
      items={tabs.map((tab) => ({ ...tab, label: <span data-testid={`settings-tab-${tab.key}`}>{t(`settings.tab.${tab.key}`)}</span> }))}
    />
  )
}
