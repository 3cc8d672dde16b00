import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Steps, Tag, Typography } from 'antd'
import { COMPLAINT_STATUSES, type ComplaintView } from '@shared/contract/complaints'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, showRefusal, useSession, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { STATUS_COLOR } from './ComplaintsScreen'


/** One complaint: its steps (open → responded → resolved → confirmed), who did each, and the form for the next one. */
export function ComplaintDetail({ complaintId, onClose, onOpenOrder }: { complaintId: number; onClose: () => void; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const me = useSession().data?.user?.id
  const q = useQuery({ queryKey: ['complaints.get', complaintId], queryFn: () => call('complaints.get', { complaintId }) })
  const c = q.data
  const at = (name: string | null, when: string | null) => (when ? t('complaints.byAt', { name: name ?? '', at: localDateTime(when, tz) }) : undefined)
  return (
    <Drawer open width={720} onClose={onClose} title={c ? t('complaints.detailTitle', { complaintNo: c.complaintNo }) : ''} data-testid="complaint-detail">
      {q.error && <Alert type="error" showIcon title={errorText(q.error, t)} />}
      {c && (
        <>
          <Steps
            size="small"
            current={COMPLAINT_STATUSES.indexOf(c.status)}
            status={c.overdue ? 'error' : c.status === 'confirmed' ? 'finish' : 'process'}
            style={{ marginBottom: 16 }}
            data-testid="complaint-steps"
            items={[
              { title: t('complaints.status.open'), description: at(c.createdByName, c.createdAt) },
              { title: t('complaints.status.responded'), description: at(c.respondedByName, c.respondedAt) },
              { title: t('complaints.status.resolved'), description: at(c.resolvedByName, c.resolvedAt) },
              { title: t('complaints.status.confirmed'), description: at(c.confirmedByName, c.confirmedAt) }
            ]}
          />
          <Descriptions size="small" column={2} bordered data-testid="complaint-fields">
            <Descriptions.Item label={t('complaints.col.status')}>
              <Tag color={STATUS_COLOR[c.status]} data-testid="complaint-status">
                {t(`complaints.status.${c.status}`)}
              </Tag>
              {c.overdue && <Tag color="error" data-testid="complaint-overdue">{t('complaints.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.source')}>
              {t(`complaints.source.${c.source}`)} · {t(`complaints.category.${c.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.order')}>
              {c.orderId ? (
                <Button type="link" size="small" onClick={() => onOpenOrder(c.orderId!)} data-testid="complaint-order">
                  {c.orderNo}
                </Button>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.customer')}>{`${c.customerName} ${c.mobile}`.trim() || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.owner')}>
              <span data-testid="complaint-owner">{c.ownerName}</span>
              {c.takenAt && <Typography.Text type="secondary"> ({t('complaints.taken', { name: c.ownerName, at: localDateTime(c.takenAt, tz) })})</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.createdBy')}>{at(c.createdByName, c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.responseDue')}>
              <span data-testid="complaint-response-due">{c.responseDue}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.followUpDue')}>{c.followUpDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.description')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-description-text">{c.description}</span>
            </Descriptions.Item>
            {c.response ? (
              <Descriptions.Item label={t('complaints.response')} span={2}>
                <span data-testid="complaint-response-text">{c.response}</span>
              </Descriptions.Item>
            ) : null}
            {c.resolution ? (
              <Descriptions.Item label={t('complaints.resolution')} span={2}>
                {c.resolution}
              </Descriptions.Item>
            ) : null}
            {c.correctiveAction ? (
              <Descriptions.Item label={t('complaints.correctiveAction')} span={2}>
                {c.correctiveAction}
              </Descriptions.Item>
            ) : null}
            {c.confirmNote ? (
              <Descriptions.Item label={t('complaints.confirmNote')} span={2}>
                {c.confirmNote}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <NextStep c={c} me={me} />
        </>
      )}
    </Drawer>
  )
}

function NextStep({ c, me }: { c: ComplaintView; me: number | undefined }): React.JSX.Element | null {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [text, setText] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const done = (v: ComplaintView) => {
    qc.setQueryData(['complaints.get', c.id], v)
    void qc.invalidateQueries({ queryKey: ['complaints.list'] })
    setText({})
    setErrors({})
    message.success(t('complaints.saved'))
  }
  const fail = (e: unknown) => showRefusal(e, setErrors, message, t)
  const step = useMutation({
    mutationFn: () =>
      c.status === 'open'
        ? call('complaints.respond', { complaintId: c.id, response: text.response ?? '' })
        : c.status === 'responded'
          ? call('complaints.resolve', { complaintId: c.id, resolution: text.resolution ?? '', correctiveAction: text.correctiveAction ?? '' })
          : call('complaints.confirm', { complaintId: c.id, note: text.note ?? '' }),
    onSuccess: done,
    onError: fail
  })
  const take = useMutation({ mutationFn: () => call('complaints.take', { complaintId: c.id }), onSuccess: done, onError: fail })
  if (c.status === 'confirmed') return null
  const fields: { path: string; label: string }[] =
    c.status === 'open'
      ? [{ path: 'response', label: t('complaints.response') }]
      : c.status === 'responded'
        ? [
            { path: 'resolution', label: t('complaints.resolution') },
            { path: 'correctiveAction', label: t('complaints.correctiveAction') }
          ]
        : [{ path: 'note', label: t('complaints.confirmNote') }]
  const action = c.status === 'open' ? t('complaints.respond') : c.status === 'responded' ? t('complaints.resolve') : t('complaints.confirm')
  return (
    <Form layout="vertical" component="div" style={{ marginTop: 16 }} data-testid="complaint-next">
      {fields.map((f) => (
        <Field key={f.path} path={f.path} label={f.label} error={errors[f.path]} required>
          <Input.TextArea id={fieldId(f.path)} rows={3} value={text[f.path] ?? ''} onChange={(e) => {
              setText({ ...text, [f.path]: e.target.value })
              setErrors({ ...errors, [f.path]: '' })
            }} data-testid={`complaint-${f.path}`} />
        </Field>
      ))}
      <Space>
        <Button type="primary" loading={step.isPending} onClick={() => step.mutate()} data-testid="complaint-step">
          {action}
        </Button>
        {c.status === 'open' && !c.takenAt && me !== undefined && me !== c.ownerId && (
          <Button loading={take.isPending} onClick={() => take.mutate()} data-testid="complaint-take">
            {t('complaints.take')}
          </Button>
        )}
      </Space>
    </Form>
  )
}
