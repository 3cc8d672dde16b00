import type { ReactNode } from 'react'
import { Button, Typography } from 'antd'
import { DownOutlined, RightOutlined } from '@ant-design/icons'
import { useT } from '../app/i18n'

interface Props {
  open: boolean
  onToggle: () => void
  /** What is filled in while closed, shown as plain text so nothing is hidden silently. */
  summary: string[]
  /** The folded fields' names, on the toggle, so the clerk knows what is there. */
  labels: string[]
  testId: string
  children: ReactNode
}

/**
 * Rarely used fields, folded away so Tab does not stop on them. Opened by Alt+M (all sections at
 * once) or a click; the toggle itself is not a Tab stop.
 */
export function More({ open, onToggle, summary, labels, testId, children }: Props): React.JSX.Element {
  const t = useT()
  const filled = summary.filter(Boolean)
  return (
    <div className="more" data-testid={testId}>
      <Button type="link" size="small" className="more-toggle" tabIndex={-1} onClick={onToggle} icon={open ? <DownOutlined /> : <RightOutlined />} title={t('ui.intake.moreHint')}>
        {t('ui.intake.more', { fields: labels.join(t('ui.list.separator')) })}
      </Button>
      {!open && filled.length > 0 && (
        <Typography.Text type="secondary" className="more-summary" data-testid={`${testId}-summary`}>
          {' '}
          {filled.join(' · ')}
        </Typography.Text>
      )}
      {open && children}
    </div>
  )
}
