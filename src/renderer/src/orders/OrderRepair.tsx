import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd'
import { z } from 'zod'
import { MANUFACTURER_NEXT, MANUFACTURER_RESULTS, repairsContract, type RepairCardView } from '@shared/contract/repairs'
import type { StoreSettings } from '@shared/contract/settings'
import { localDate } from '@shared/domain/dates'
import { formatMoney } from '@shared/domain/money'
import type { ChargeLine } from '@shared/domain/settlement'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSession, useSettings } from '../app/session'
import { BenchDialog, fenOf, optionalYuanText, yuanText } from '../bench/BenchDialog'
import { entryName, faultOptions } from '../ui/catalogue'
import { useCan } from '../warehouse/MovesCommon'

type Dialog = 'quote' | 'qcFail' | 'send' | 'back' | 'late' | 'oldPart' | 'charge' | null

const R = repairsContract

/**
 * The repair card (修护卡) on the order page: status steps, assignment, the card itself, its
 * charges with totals (parts issued by the warehouse included), quote, QC, manufacturer trips and
 * "will be late" — only the actions main says this user may take now.
 */
export function OrderRepair({ orderId }: { orderId: number }): React.JSX.Element | null {
  const qc = useQueryClient()
  const settings = useSettings().data
  const card = useQuery({ queryKey: ['repairs.card', orderId], queryFn: () => call('repairs.card', { orderId }) })
  const refresh = () => {
    for (const key of ['repairs.card', 'repairs.timeline', 'orders.get', 'warehouse.orderParts']) void qc.invalidateQueries({ queryKey: [key, orderId] })
    void qc.invalidateQueries({ queryKey: ['repairs.queue'] })
  }
  if (!card.data || !settings) return null
  return <RepairCard c={card.data} settings={settings} refresh={refresh} />
}

function RepairCard({ c, settings, refresh }: { c: RepairCardView; settings: StoreSettings; refresh: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [note, setNote] = useState('')
  const canRecordOldPart = useCan('warehouse.oldParts.create')
  const technicians = useQuery({ queryKey: ['repairs.technicians'], queryFn: () => call('repairs.technicians', {}), enabled: c.actions.assign })
  const run = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: () => {
      setNote('')
      refresh()
    },
    onError: (e) => {
      message.error(errorText(e, t))
      refresh()
    }
  })
  const a = c.actions
  const close = () => setDialog(null)
  const today = localDate(new Date(), settings.timeZone)

  return (
    <Card size="small" title={t('bench.card.title')} style={{ marginTop: 12 }} data-testid="order-repair">
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('bench.col.status')}>
          <Tag color="processing" data-testid="repair-status">
            {t(`status.${c.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('bench.col.technician')}>
          <span data-testid="repair-technician">{c.technician?.displayName ?? t('bench.unassigned')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('bench.estimate')}>{formatMoney(c.estimateFen)}</Descriptions.Item>
        <Descriptions.Item label={t('bench.col.promised')}>{c.promisedDate}</Descriptions.Item>
      </Descriptions>

      {/* What can be done now */}
      <Space wrap style={{ marginBottom: 8 }} data-testid="repair-actions">
        {a.steps.length > 0 && (
          <Input
            size="small"
            style={{ width: 200 }}
            placeholder={t('bench.stepNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="repair-step-note"
          />
        )}
        {a.steps.map((to) => (
          <Button
            key={to}
            size="small"
            type={to === 'cancelled' || to === 'unrepairable' ? 'default' : 'primary'}
            danger={to === 'cancelled' || to === 'unrepairable'}
            loading={run.isPending}
            onClick={() => run.mutate(() => call('repairs.step', { orderId: c.orderId, to, note }))}
            data-testid={`repair-step-${to}`}
          >
            {t('bench.stepTo', { status: t(`status.${to}`) })}
          </Button>
        ))}
        {a.assign && (
          <Select
            size="small"
            style={{ width: 160 }}
            placeholder={t('bench.assign')}
            value={c.technician?.id}
            options={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            onChange={(technicianId: number) => run.mutate(() => call('repairs.assign', { orderId: c.orderId, technicianId }))}
            data-testid="repair-assign"
          />
        )}
        {a.qc && (
          <>
            <Button size="small" type="primary" onClick={() => run.mutate(() => call('repairs.qc', { orderId: c.orderId, passed: true }))} data-testid="repair-qc-pass">
              {t('bench.qcPass')}
            </Button>
            <Button size="small" danger onClick={() => setDialog('qcFail')} data-testid="repair-qc-fail">
              {t('bench.qcFail')}
            </Button>
          </>
        )}
        {a.quote && (
          <Button size="small" type="primary" onClick={() => setDialog('quote')} data-testid="repair-quote">
            {t('bench.quote')}
          </Button>
        )}
        {a.manufacturerSend && (
          <Button size="small" onClick={() => setDialog('send')} data-testid="repair-mfr-send">
            {t('bench.mfrSend')}
          </Button>
        )}
        {a.manufacturerBack && (
          <Button size="small" type="primary" onClick={() => setDialog('back')} data-testid="repair-mfr-back">
            {t('bench.mfrBack')}
          </Button>
        )}
        {a.lateCall && (
          <Button size="small" onClick={() => setDialog('late')} data-testid="repair-late">
            {t('bench.lateCall')}
          </Button>
        )}
      </Space>
      {c.status === 'qualityCheck' && !a.qc && <Typography.Paragraph type="secondary">{t('bench.qcNotYou')}</Typography.Paragraph>}
      {a.take && (
        <TakeButton orderId={c.orderId} onDone={refresh} />
      )}

      {c.overEstimate && !c.closed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="repair-over-estimate"
          title={t('bench.overEstimate', { expected: formatMoney(c.expectedFen), estimate: formatMoney(c.estimateFen) })}
        />
      )}
      {c.oldPartsDue.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="repair-old-parts-due"
          title={t('bench.oldPartsDue', { parts: c.oldPartsDue.map((p) => `${p.description} ×${p.qty}`).join('、') })}
          action={
            canRecordOldPart ? (
              <Button size="small" onClick={() => setDialog('oldPart')} data-testid="repair-old-part-record">
                {t('bench.oldPartRecord')}
              </Button>
            ) : undefined
          }
        />
      )}

      <CardForm c={c} settings={settings} onSaved={refresh} />

      <Charges c={c} onChanged={refresh} onAdd={() => setDialog('charge')} settings={settings} />

      {c.trips.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 8 }}
          data-testid="repair-trips"
          dataSource={c.trips}
          columns={[
            { title: t('bench.mfr.sentDate'), dataIndex: 'sentDate' },
            { title: t('bench.mfr.carrier'), render: (_, r) => `${r.carrier} ${r.reference}` },
            { title: t('bench.mfr.backDate'), render: (_, r) => r.backDate ?? '—' },
            { title: t('bench.mfr.result'), render: (_, r) => (r.result ? t(`bench.mfr.result.${r.result}`) : '—') },
            { title: t('bench.note'), render: (_, r) => [r.sentNote, r.backNote].filter(Boolean).join(' / ') }
          ]}
        />
      )}

      {dialog === 'quote' && (
        <BenchDialog
          title={t('bench.quote')}
          intro={<Typography.Paragraph>{t('bench.quoteIntro', { expected: formatMoney(c.expectedFen), estimate: formatMoney(c.estimateFen) })}</Typography.Paragraph>}
          initial={{ approved: 'yes', amount: (c.expectedFen / 100).toFixed(2), note: '', fee: '' }}
          schema={z.object({ approved: z.enum(['yes', 'no']), amount: yuanText, note: z.string().max(200), fee: optionalYuanText })}
          fields={[
            { path: 'approved', label: t('bench.quote.answer'), kind: 'yesNo', required: true },
            { path: 'amount', label: t('bench.quote.amount'), kind: 'money', required: true },
            { path: 'note', label: t('bench.note') },
            { path: 'fee', label: t('bench.quote.fee'), kind: 'money' }
          ]}
          send={(v) => call('repairs.quote.record', { orderId: c.orderId, approved: v.approved === 'yes', amountFen: fenOf(v.amount), note: v.note, diagnosisFeeFen: v.approved === 'no' ? fenOf(v.fee) : 0 })}
          onClose={close}
          onDone={refresh}
          testId="repair-quote-dialog"
        />
      )}
      {dialog === 'qcFail' && (
        <BenchDialog
          title={t('bench.qcFail')}
          initial={{ reason: '' }}
          schema={z.object({ reason: R['repairs.lateCall'].input.shape.note })}
          fields={[{ path: 'reason', label: t('bench.qcReason'), kind: 'textarea', required: true }]}
          send={(v) => call('repairs.qc', { orderId: c.orderId, passed: false, reason: v.reason })}
          onClose={close}
          onDone={refresh}
          testId="repair-qc-dialog"
        />
      )}
      {dialog === 'send' && (
        <BenchDialog
          title={t('bench.mfrSend')}
          initial={{ date: today, carrier: '', reference: '', note: '' }}
          schema={R['repairs.manufacturer.send'].input.omit({ orderId: true })}
          fields={[
            { path: 'date', label: t('bench.mfr.sentDate'), kind: 'date', required: true },
            { path: 'carrier', label: t('bench.mfr.carrierName'), required: true },
            { path: 'reference', label: t('bench.mfr.reference'), required: true },
            { path: 'note', label: t('bench.note') }
          ]}
          send={(v) => call('repairs.manufacturer.send', { orderId: c.orderId, ...v })}
          onClose={close}
          onDone={refresh}
          testId="repair-mfr-send-dialog"
        />
      )}
      {dialog === 'back' && <BackDialog c={c} today={today} onClose={close} onDone={refresh} />}
      {dialog === 'late' && (
        <BenchDialog
          title={t('bench.lateCall')}
          initial={{ promisedDate: c.promisedDate < today ? today : c.promisedDate, note: '' }}
          schema={R['repairs.lateCall'].input.omit({ orderId: true })}
          fields={[
            { path: 'promisedDate', label: t('bench.late.newDate'), kind: 'date', required: true },
            { path: 'note', label: t('bench.late.note'), kind: 'textarea', required: true }
          ]}
          send={(v) => call('repairs.lateCall', { orderId: c.orderId, ...v })}
          onClose={close}
          onDone={refresh}
          testId="repair-late-dialog"
        />
      )}
      {dialog === 'oldPart' && (
        <BenchDialog
          title={t('bench.oldPartRecord')}
          initial={{ partId: String(c.oldPartsDue[0]?.partId ?? ''), faultSymptom: c.card.faultFound, faultCode: c.card.faultCodes[0] ?? '' }}
          schema={z.object({ partId: z.string().min(1, 'v.required'), faultSymptom: z.string().trim().min(1, 'v.required').max(200), faultCode: z.string().trim().min(1, 'v.required').max(32) })}
          fields={[
            { path: 'partId', label: t('bench.oldPart.part'), kind: 'select', options: c.oldPartsDue.map((p) => ({ value: String(p.partId), label: p.description })), required: true },
            { path: 'faultSymptom', label: t('bench.oldPart.symptom'), required: true },
            { path: 'faultCode', label: t('bench.oldPart.code'), kind: 'select', options: faultOptions(settings, t), required: true }
          ]}
          send={(v) => call('warehouse.oldParts.create', { orderNo: c.orderNo, partId: Number(v.partId), faultSymptom: v.faultSymptom, faultCode: v.faultCode })}
          onClose={close}
          onDone={refresh}
          testId="repair-old-part-dialog"
        />
      )}
      {dialog === 'charge' && <ChargeDialog c={c} onClose={close} onDone={refresh} />}
    </Card>
  )
}

function TakeButton({ orderId, onDone }: { orderId: number; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const me = useSession().data?.user?.id ?? 0
  const take = useMutation({
    mutationFn: () => call('repairs.assign', { orderId, technicianId: me }),
    onSuccess: onDone,
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Button size="small" type="dashed" style={{ marginBottom: 8 }} onClick={() => take.mutate()} loading={take.isPending} data-testid="repair-take">
      {t('bench.take')}
    </Button>
  )
}

function CardForm({ c, settings, onSaved }: { c: RepairCardView; settings: StoreSettings; onSaved: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const [v, setV] = useState({ faultFound: c.card.faultFound, faultCodes: c.card.faultCodes, workDone: c.card.workDone, labourMinutes: c.card.labourMinutes })
  const save = useMutation({
    mutationFn: () => call('repairs.card.save', { orderId: c.orderId, ...v }),
    onSuccess: () => {
      message.success(t('bench.card.saved'))
      onSaved()
    },
    onError: (e) => message.error(errorText(e, t))
  })
  const edit = c.actions.editCard
  if (!edit) {
    return (
      <Descriptions size="small" column={1} bordered data-testid="repair-card-view">
        <Descriptions.Item label={t('bench.card.faultFound')}>{c.card.faultFound || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('bench.card.faultCodes')}>{c.card.faultCodes.map((f) => entryName(settings.faultCodes, 'fault', f, t)).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('bench.card.workDone')}>{c.card.workDone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('bench.card.minutes')}>{c.card.labourMinutes}</Descriptions.Item>
      </Descriptions>
    )
  }
  return (
    <div data-testid="repair-card-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          placeholder={t('bench.card.faultFound')}
          value={v.faultFound}
          onChange={(e) => setV({ ...v, faultFound: e.target.value })}
          data-testid="repair-fault-found"
        />
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          placeholder={t('bench.card.faultCodes')}
          value={v.faultCodes}
          options={faultOptions(settings, t)}
          onChange={(faultCodes: string[]) => setV({ ...v, faultCodes })}
          data-testid="repair-fault-codes"
        />
        <Input.TextArea rows={2} placeholder={t('bench.card.workDone')} value={v.workDone} onChange={(e) => setV({ ...v, workDone: e.target.value })} data-testid="repair-work-done" />
        <Space>
          <span>{t('bench.card.minutes')}</span>
          <InputNumber min={0} max={100000} value={v.labourMinutes} onChange={(n) => setV({ ...v, labourMinutes: Number(n ?? 0) })} data-testid="repair-minutes" />
          <Button type="primary" size="small" onClick={() => save.mutate()} loading={save.isPending} data-testid="repair-card-save">
            {t('bench.card.save')}
          </Button>
        </Space>
      </Space>
    </div>
  )
}

function Charges({ c, onChanged, onAdd }: { c: RepairCardView; onChanged: () => void; onAdd: () => void; settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const remove = useMutation({
    mutationFn: (chargeId: number) => call('repairs.charges.remove', { orderId: c.orderId, chargeId }),
    onSuccess: onChanged,
    onError: (e) => message.error(errorText(e, t))
  })
  const editable = c.actions.editCard && !c.closed
  const requestParts = () => {
    const section = document.querySelector('[data-testid="order-parts"]')
    section?.scrollIntoView({ block: 'start' })
    document.querySelector<HTMLButtonElement>('[data-testid="order-parts-request"]')?.click()
  }
  return (
    <div style={{ marginTop: 12 }}>
      <Space style={{ marginBottom: 6 }}>
        <Typography.Text strong>{t('bench.charges')}</Typography.Text>
        {editable && (
          <Button size="small" onClick={onAdd} data-testid="repair-charge-add">
            {t('bench.charge.add')}
          </Button>
        )}
        {editable && (
          <Button size="small" type="link" onClick={requestParts} data-testid="repair-request-parts">
            {t('bench.requestParts')}
          </Button>
        )}
      </Space>
      <Table<ChargeLine>
        size="small"
        rowKey={(l) => `${l.kind}-${l.chargeId ?? l.partId}`}
        pagination={false}
        dataSource={c.charges}
        data-testid="repair-charges"
        locale={{ emptyText: t('bench.charge.none') }}
        columns={[
          { title: t('bench.charge.kind'), render: (_, l) => t(`bench.charge.kind.${l.kind}`) },
          { title: t('bench.charge.description'), render: (_, l) => (l.minutes ? `${l.description} (${l.minutes} ${t('bench.minutes')})` : l.description) },
          { title: t('bench.charge.qty'), dataIndex: 'qty', align: 'right' },
          { title: t('bench.charge.amount'), align: 'right', render: (_, l) => formatMoney(l.amountFen) },
          { title: '', render: (_, l) => (l.warrantyFree ? <Tag color="green">{t('bench.charge.free')}</Tag> : null) },
          {
            title: '',
            render: (_, l) =>
              editable && l.chargeId !== undefined ? (
                <Popconfirm title={t('bench.charge.removeConfirm')} onConfirm={() => remove.mutate(l.chargeId!)}>
                  <Button size="small" type="link" danger data-testid={`repair-charge-remove-${l.chargeId}`}>
                    {t('bench.charge.remove')}
                  </Button>
                </Popconfirm>
              ) : null
          }
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('bench.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span data-testid="repair-total">{formatMoney(c.totalFen)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2}>
              <span data-testid="repair-expected">{t('bench.customerPays', { amount: formatMoney(c.expectedFen) })}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  )
}

function ChargeDialog({ c, onClose, onDone }: { c: RepairCardView; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const priceOptions = c.prices.map((p) => ({ value: String(p.id), label: `${p.description || p.faultCode} · ${formatMoney(p.amountFen)} · ${p.minutes} ${t('bench.minutes')}` }))
  return (
    <BenchDialog
      title={t('bench.charge.add')}
      initial={{ kind: c.prices.length ? 'labour' : 'labourTyped', priceId: '', description: '', minutes: '', amount: '' }}
      schema={z
        .object({ kind: z.enum(['labour', 'labourTyped', 'other']), priceId: z.string(), description: z.string().trim().max(60), minutes: z.string().regex(/^\d{0,6}$/, 'v.integer'), amount: optionalYuanText })
        .superRefine((v, ctx) => {
          if (v.kind === 'labour' && !v.priceId) ctx.addIssue({ code: 'custom', path: ['priceId'], message: 'v.required' })
          if (v.kind !== 'labour' && !v.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'v.required' })
          if (v.kind !== 'labour' && !v.amount.trim()) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'v.required' })
        })}
      fields={[
        {
          path: 'kind',
          label: t('bench.charge.kind'),
          kind: 'select',
          required: true,
          options: (['labour', 'labourTyped', 'other'] as const).map((k) => ({ value: k, label: t(`bench.charge.new.${k}`) }))
        },
        { path: 'priceId', label: t('bench.charge.price'), kind: 'select', options: priceOptions },
        { path: 'description', label: t('bench.charge.description') },
        { path: 'minutes', label: t('bench.card.minutes') },
        { path: 'amount', label: t('bench.charge.amount'), kind: 'money' }
      ]}
      send={(v) =>
        v.kind === 'labour'
          ? call('repairs.charges.add', { orderId: c.orderId, kind: 'labour', priceId: Number(v.priceId) })
          : v.kind === 'labourTyped'
            ? call('repairs.charges.add', { orderId: c.orderId, kind: 'labourTyped', description: v.description, minutes: Number(v.minutes || 0), amountFen: fenOf(v.amount) })
            : call('repairs.charges.add', { orderId: c.orderId, kind: 'other', description: v.description, amountFen: fenOf(v.amount) })
      }
      onClose={onClose}
      onDone={onDone}
      testId="repair-charge-dialog"
    />
  )
}

function BackDialog({ c, today, onClose, onDone }: { c: RepairCardView; today: string; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const nextOptions = [...new Set(Object.values(MANUFACTURER_NEXT).flat())].map((s) => ({ value: s, label: t(`status.${s}`) }))
  return (
    <BenchDialog
      title={t('bench.mfrBack')}
      initial={{ date: today, result: 'repaired', to: '', note: '' }}
      schema={z.object({ date: R['repairs.manufacturer.back'].input.shape.date, result: z.enum(MANUFACTURER_RESULTS), to: z.string(), note: z.string().max(200) })}
      fields={[
        { path: 'date', label: t('bench.mfr.backDate'), kind: 'date', required: true },
        { path: 'result', label: t('bench.mfr.result'), kind: 'select', required: true, options: MANUFACTURER_RESULTS.map((r) => ({ value: r, label: t(`bench.mfr.result.${r}`) })) },
        { path: 'to', label: t('bench.mfr.next'), kind: 'select', options: nextOptions },
        { path: 'note', label: t('bench.note') }
      ]}
      send={(v) =>
        call('repairs.manufacturer.back', {
          orderId: c.orderId,
          date: v.date,
          result: v.result as (typeof MANUFACTURER_RESULTS)[number],
          to: (v.to || undefined) as never,
          note: v.note
        })
      }
      onClose={onClose}
      onDone={onDone}
      testId="repair-mfr-back-dialog"
    />
  )
}
