import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd'
import type { FollowUpItem } from '@shared/contract/followup'
import { localDate, localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, fieldsOf, SETTINGS_KEY, useSession, useSettings } from '../app/session'
import { FollowUpDialog } from './FollowUpDialog'
import { FieldMessage } from '../ui/FieldMessage'

const percent = (x: number) => `${(x * 100).toFixed(1)}%`

/** 回访: orders picked up 2–7 working days ago, the record dialog, and this month's satisfaction against the target. */
export function FollowUpScreen({ onOpenOrder, onOpenComplaint }: { onOpenOrder: (orderId: number) => void; onOpenComplaint: (complaintId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const month = localDate(new Date(), tz).slice(0, 7)
  const list = useQuery({ queryKey: ['followups.list'], queryFn: () => call('followups.list', {}) })
  const rates = useQuery({ queryKey: ['followups.rates', month], queryFn: () => call('followups.rates', { month }) })
  const [calling, setCalling] = useState<FollowUpItem | null>(null)
  const s = rates.data?.satisfaction
  const below = s?.rate !== null && s?.rate !== undefined && s.rate < s.target
  return (
    <Card title={t('followups.title')} data-testid="followups-screen">
      {list.error && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 8 }} />}
      {s && rates.data && (
        <Typography.Paragraph data-testid="followups-rate" type={below ? 'danger' : undefined}>
          {s.rate === null
            ? t('followups.noVisits', { month, target: percent(s.target), complaintRate: percent(rates.data.complaints.rate) })
            : t('followups.rateLine', {
                month,
                rate: percent(s.rate),
                target: percent(s.target),
                visits: s.visits,
                unhappy: s.dissatisfied + s.veryDissatisfied,
                complaintRate: percent(rates.data.complaints.rate)
              })}
          {below && <Tag color="error" style={{ marginLeft: 8 }}>{t('followups.belowTarget')}</Tag>}
        </Typography.Paragraph>
      )}
      <TargetSetting />
      <Table
        size="small"
        rowKey="orderId"
        loading={list.isPending}
        dataSource={list.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('followups.empty') }}
        data-testid="followups-list"
        columns={[
          {
            title: t('followups.col.order'),
            render: (_, i) => (
              <Button type="link" size="small" onClick={() => onOpenOrder(i.orderId)} data-testid={`followup-open-${i.orderNo}`}>
                {i.orderNo}
              </Button>
            )
          },
          { title: t('followups.col.customer'), render: (_, i) => `${i.customerName} ${i.mobile}` },
          { title: t('followups.col.device'), dataIndex: 'device' },
          { title: t('followups.col.pickup'), render: (_, i) => `${i.pickupDate} · ${t('followups.daysAgo', { n: i.workingDaysAgo })}` },
          {
            title: t('followups.col.attempts'),
            render: (_, i) => (i.attempts ? `${t('followups.attempts', { n: i.attempts })} · ${localDateTime(i.lastAttemptAt!, tz)}` : '—')
          },
          {
            title: '',
            render: (_, i) => (
              <Button size="small" type="primary" onClick={() => setCalling(i)} data-testid={`followup-call-${i.orderNo}`}>
                {t('followups.call')}
              </Button>
            )
          }
        ]}
      />
      {calling && <FollowUpDialog item={calling} onClose={() => setCalling(null)} onOpenComplaint={onOpenComplaint} />}
    </Card>
  )
}

/** The manager sets the monthly satisfaction target (settings.followUp) where the rate is shown. */
function TargetSetting(): React.JSX.Element | null {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const role = useSession().data?.user?.role
  const settings = useSettings()
  // As typed: an empty or unreadable target is said on the field, never replaced by the saved one or rounded.
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const shown = text ?? String(settings.data?.followUp?.satisfactionTargetPercent ?? 95)
  const save = useMutation({
    mutationFn: (percent: number) => call('settings.update', { followUp: { satisfactionTargetPercent: percent } }),
    onSuccess: (s) => {
      qc.setQueryData(SETTINGS_KEY, s)
      setText(null)
      void qc.invalidateQueries({ queryKey: ['followups.rates'] })
      message.success(t('complaints.saved'))
    },
    onError: (e) => setError(fieldsOf(e)['followUp.satisfactionTargetPercent'] ?? errorText(e, t))
  })
  const submit = () => {
    const typed = shown.normalize('NFKC').trim()
    if (typed === '') return setError(t('v.required'))
    if (!/^\d+$/.test(typed)) return setError(t('v.integer'))
    setError(null)
    save.mutate(Number(typed))
  }
  if (!canCall(role, 'settings.update')) return null
  return (
    <Space style={{ marginBottom: 12 }} align="start">
      <label htmlFor="followup-target">{t('followups.targetLabel')}</label>
      <div>
        <Input
          id="followup-target"
          value={shown}
          onChange={(e) => (setText(e.target.value), setError(null))}
          onPressEnter={submit}
          suffix="%"
          status={error ? 'error' : undefined}
          style={{ width: 110 }}
          data-testid="followup-target"
        />
        <FieldMessage text={error} testId="followup-target-error" />
      </div>
      <Button onClick={submit} loading={save.isPending} data-testid="followup-target-save">
        {t('followups.targetSave')}
      </Button>
    </Space>
  )
}
