import type { ReactNode } from 'react'
import { Button, Card, Form, Space } from 'antd'
import { useT } from '../app/i18n'

interface Props {
  id: string
  title: ReactNode
  dirty: boolean
  saving: boolean
  onSave: () => void
  onReset: () => void
  extra?: ReactNode
  children: ReactNode
}

/** A settings section with its own Save / Undo, enabled only when something changed. */
export function SectionCard({ id, title, dirty, saving, onSave, onReset, extra, children }: Props): React.JSX.Element {
  const t = useT()
  return (
    <Card
      size="small"
      title={title}
      id={id}
      className="settings-card"
      data-testid={`settings-${id}`}
      extra={
        <Space>
          {extra}
          <Button onClick={onReset} disabled={!dirty || saving} data-testid={`settings-${id}-reset`}>
            {t('settings.undo')}
          </Button>
          <Button type="primary" onClick={onSave} disabled={!dirty} loading={saving} data-testid={`settings-${id}-save`}>
            {t('settings.save')}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" component={false}>
        {children}
      </Form>
    </Card>
  )
}
