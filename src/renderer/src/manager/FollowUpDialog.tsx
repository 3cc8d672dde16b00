import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd'
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@shared/contract/complaints'
import { ASPECTS, RATINGS, UNHAPPY_RATINGS, type Aspect, type FollowUpItem, type FollowUpOutcome, type Rating } from '@shared/contract/followup'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { showRefusal } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'

const ASPECT_CATEGORY: Record<Aspect, ComplaintCategory> = { attitude: 'counter', skill: 'technician', timeliness: 'timeliness', fees: 'fees' }

/** One follow-up call: outcome, the five-level rating overall and per aspect, deposit, note. Unhappy → a complaint. */
export function FollowUpDialog({ item, onClose, onOpenComplaint }: { item: FollowUpItem; onClose: () => void; onOpenComplaint: (id: number) => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [outcome, setOutcome] = useState<FollowUpOutcome>('reached')
  const [rating, setRating] = useState<Rating | null>(null)
  const [aspects, setAspects] = useState<Partial<Record<Aspect, Rating>>>({})
  const [deposit, setDeposit] = useState<'yes' | 'no' | 'na'>('na')
  const [note, setNote] = useState('')
  const [category, setCategory] = useState<ComplaintCategory | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const reached = outcome === 'reached'
  const unhappy = reached && rating !== null && UNHAPPY_RATINGS.includes(rating)
  // The worst unhappy aspect suggests the category; the caller may change it.
  const worst = ASPECTS.filter((a) => aspects[a] && UNHAPPY_RATINGS.includes(aspects[a]!)).sort((a, b) => RATINGS.indexOf(aspects[b]!) - RATINGS.indexOf(aspects[a]!))[0]
  const suggested: ComplaintCategory = worst ? ASPECT_CATEGORY[worst] : 'other'
  const record = useMutation({
    mutationFn: () =>
      call('followups.record', {
        orderId: item.orderId,
        outcome,
        rating: reached ? rating : null,
        aspects: reached ? aspects : {},
        depositRefunded: reached && deposit !== 'na' ? deposit === 'yes' : null,
        note,
        ...(unhappy ? { complaintCategory: category ?? suggested } : {})
      }),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['followups.list'] })
      void qc.invalidateQueries({ queryKey: ['followups.rates'] })
      void qc.invalidateQueries({ queryKey: ['complaints.list'] })
      if (v.complaintId) {
        message.warning({
          content: (
            <span data-testid="followup-complaint-opened">
              {t('followups.recordedComplaint', { complaintNo: v.complaintNo! })}{' '}
              <Button type="link" size="small" onClick={() => onOpenComplaint(v.complaintId!)} data-testid="followup-open-complaint">
                {t('followups.openComplaint')}
              </Button>
            </span>
          ),
          duration: 8
        })
      } else message.success(t('followups.recorded'))
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  const ratingGroup = (path: string, value: Rating | null | undefined, onChange: (r: Rating) => void, testId: string) => (
    <Radio.Group id={fieldId(path)} value={value ?? null} onChange={(e) => onChange(e.target.value)} data-testid={testId} size="small" buttonStyle="solid">
      {RATINGS.map((r) => (
        <Radio.Button key={r} value={r}>
          <span data-testid={`${testId}-${r}`}>{t(`rating.${r}`)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  )
  return (
    <Modal
      open
      width={720}
      title={t('followups.dialogTitle', { orderNo: item.orderNo })}
      onCancel={onClose}
      onOk={() => record.mutate()}
      okText={t('followups.save')}
      okButtonProps={{ loading: record.isPending, danger: unhappy, 'data-testid': 'followup-save' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="followup-dialog">
        <Typography.Paragraph>
          <b>{item.customerName}</b> {item.mobile} · {item.device} · {item.pickupDate}
        </Typography.Paragraph>
        <Field path="outcome" label={t('followups.outcome')}>
          <Radio.Group id={fieldId('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="followup-outcome">
            {(['reached', 'noAnswer', 'refused'] as const).map((o) => (
              <Radio key={o} value={o}>
                <span data-testid={`followup-outcome-${o}`}>{t(`followups.outcome.${o}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        {reached && (
          <>
            <Field path="rating" label={t('followups.rating')} error={errors.rating} required>
              {ratingGroup('rating', rating, (r) => {
                setRating(r)
                setErrors({ ...errors, rating: '' })
              }, 'followup-rating')}
            </Field>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
              {t('followups.aspects')}
            </Typography.Paragraph>
            <div style={{ marginBottom: 16 }} data-testid="followup-aspects">
              {ASPECTS.map((a) => (
                <div key={a} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 6 }}>
                  <label htmlFor={fieldId(`aspects.${a}`)} style={{ width: 72 }}>
                    {t(`followups.aspect.${a}`)}
                  </label>
                  {ratingGroup(`aspects.${a}`, aspects[a], (r) => setAspects({ ...aspects, [a]: r }), `followup-aspect-${a}`)}
                </div>
              ))}
            </div>
            <Field path="depositRefunded" label={t('followups.depositRefunded')}>
              <Radio.Group id={fieldId('depositRefunded')} value={deposit} onChange={(e) => setDeposit(e.target.value)} data-testid="followup-deposit">
                <Radio value="yes">{t('followups.yes')}</Radio>
                <Radio value="no">{t('followups.no')}</Radio>
                <Radio value="na">{t('followups.notAsked')}</Radio>
              </Radio.Group>
            </Field>
          </>
        )}
        <Field path="note" label={t('followups.note')} error={errors.note} required={unhappy}>
          <Input.TextArea id={fieldId('note')} rows={3} value={note} onChange={(e) => {
              setNote(e.target.value)
              setErrors({ ...errors, note: '' })
            }}
            data-testid="followup-note"
          />
        </Field>
        {unhappy && (
          <>
            <Alert type="warning" showIcon title={t('followups.unhappyHint')} style={{ marginBottom: 12 }} data-testid="followup-unhappy" />
            <Field path="complaintCategory" label={t('followups.complaintCategory')}>
              <Select
                id={fieldId('complaintCategory')}
                value={category ?? suggested}
                onChange={setCategory}
                style={{ width: 200 }}
                data-testid="followup-category"
                options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))}
              />
            </Field>
          </>
        )}
      </Form>
    </Modal>
  )
}
