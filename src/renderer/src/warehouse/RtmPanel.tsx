import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd'
import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons'
import { z } from 'zod'
import { oldPartsContract, type OldPartView, type RtmBatchView } from '@shared/contract/warehouse/old-parts'
import { formatMoney, parseYuan } from '@shared/domain/money'
import { localDate } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { fieldId, validate } from '../ui/validation'
import { downloadFile } from '../ui/download'
import { RtmStatusTag } from './OldPartsCommon'

const CreateBatch = oldPartsContract['warehouse.rtm.create'].input
const SendBatch = oldPartsContract['warehouse.rtm.send'].input.omit({ batchId: true })
const CreditBatch = oldPartsContract['warehouse.rtm.credit'].input.omit({ batchId: true, amountFen: true }).extend({
  amount: z.string().refine((s) => parseYuan(s) !== null && (parseYuan(s) ?? -1) >= 0, 'v.money')
})

type Step = 'create' | 'send' | 'credit' | null

/** Return-to-maker batches: pick or open one, scan labels into it, send it, record the credit. */
export function RtmPanel({ batchId, onSelect }: { batchId: number | null; onSelect: (id: number | null) => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [step, setStep] = useState<Step>(null)
  const [scan, setScan] = useState('')
  const batches = useQuery({ queryKey: ['warehouse.rtm.list'], queryFn: () => call('warehouse.rtm.list', {}) })
  const batch = useQuery({ queryKey: ['warehouse.rtm.get', batchId], queryFn: () => call('warehouse.rtm.get', { batchId: batchId ?? 0 }), enabled: batchId !== null })
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['warehouse.rtm.list'] })
    void qc.invalidateQueries({ queryKey: ['warehouse.rtm.get'] })
    void qc.invalidateQueries({ queryKey: ['warehouse.oldParts.list'] })
  }
  const act = useMutation({
    mutationFn: (f: () => Promise<RtmBatchView>) => f(),
    onSuccess: (b) => {
      onSelect(b.id)
      refresh()
    },
    onError: (e) => message.error(errorText(e, t))
  })
  const pdf = useMutation({
    mutationFn: () => call('warehouse.rtm.pdf', { batchId: batchId ?? 0 }),
    onSuccess: (r) => downloadFile(r),
    onError: (e) => message.error(errorText(e, t))
  })
  const b = batch.data
  const open = b?.status === 'open'

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('warehouse.ui.rtm.title')}
      data-testid="rtm-panel"
      extra={
        <Space>
          <Select
            style={{ width: 280 }}
            placeholder={t('warehouse.ui.rtm.pick')}
            value={batchId ?? undefined}
            onChange={(v: number) => onSelect(v)}
            data-testid="rtm-select"
            options={(batches.data ?? []).map((s) => ({ value: s.id, label: `${s.batchNo} · ${s.maker} · ${t(`warehouse.rtm.status.${s.status}`)}` }))}
          />
          <Button icon={<PlusOutlined />} onClick={() => setStep('create')} data-testid="rtm-new">
            {t('warehouse.ui.rtm.new')}
          </Button>
        </Space>
      }
    >
      {b && (
        <>
          <Descriptions size="small" column={3} data-testid="rtm-detail">
            <Descriptions.Item label={t('warehouse.rtm.batchNo')}>{b.batchNo}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.rtm.maker')}>{b.maker}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse.rtm.status')}>
              <RtmStatusTag status={b.status} />
            </Descriptions.Item>
            {b.sent && <Descriptions.Item label={t('warehouse.rtm.sentDate')}>{b.sent.date}</Descriptions.Item>}
            {b.sent && <Descriptions.Item label={t('warehouse.rtm.carrierRef')}>{b.sent.carrierRef}</Descriptions.Item>}
            {b.credited && <Descriptions.Item label={t('warehouse.rtm.creditNoteNo')}>{b.credited.creditNoteNo}</Descriptions.Item>}
            {b.credited && <Descriptions.Item label={t('warehouse.rtm.creditAmount')}>{formatMoney(b.credited.amountFen)}</Descriptions.Item>}
          </Descriptions>
          {open && (
            <Input.Search
              id="rtm-scan"
              style={{ maxWidth: 360, marginBottom: 8 }}
              placeholder={t('warehouse.ui.rtm.scanHint')}
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              enterButton={t('warehouse.ui.rtm.add')}
              onSearch={(v) => {
                if (!v.trim()) return
                act.mutate(() => call('warehouse.rtm.add', { batchId: b.id, opNos: [v.trim()] }))
                setScan('')
              }}
            />
          )}
          <Table<OldPartView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={b.oldParts}
            data-testid="rtm-parts"
            columns={[
              { title: t('warehouse.op.opNo'), dataIndex: 'opNo', key: 'opNo' },
              { title: t('warehouse.op.orderNo'), dataIndex: 'orderNo', key: 'orderNo' },
              { title: t('warehouse.op.part'), dataIndex: 'partText', key: 'part' },
              { title: t('warehouse.op.faultCode'), dataIndex: 'faultCode', key: 'code' },
              {
                title: '',
                key: 'remove',
                render: (_: unknown, p: OldPartView) =>
                  open ? (
                    <Button size="small" danger onClick={() => act.mutate(() => call('warehouse.rtm.remove', { batchId: b.id, oldPartId: p.id }))}>
                      {t('warehouse.ui.rtm.remove')}
                    </Button>
                  ) : null
              }
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            <Button icon={<FilePdfOutlined />} onClick={() => pdf.mutate()} loading={pdf.isPending} data-testid="rtm-pdf">
              {t('warehouse.ui.rtm.pdf')}
            </Button>
            {open && (
              <Button type="primary" onClick={() => setStep('send')} disabled={!b.parts} data-testid="rtm-send">
                {t('warehouse.ui.rtm.send')}
              </Button>
            )}
            {b.status === 'sent' && (
              <Button type="primary" onClick={() => setStep('credit')} data-testid="rtm-credit">
                {t('warehouse.ui.rtm.credit')}
              </Button>
            )}
          </Space>
        </>
      )}
      {step === 'create' && <CreateDialog onClose={() => setStep(null)} onDone={(v) => (onSelect(v.id), refresh())} />}
      {step === 'send' && b && <SendDialog batch={b} onClose={() => setStep(null)} onDone={refresh} />}
      {step === 'credit' && b && <CreditDialog batch={b} onClose={() => setStep(null)} onDone={refresh} />}
    </Card>
  )
}

/** One small form in a modal: fields validated by the contract's schema, main's field errors shown under them. */
function FormDialog<T extends Record<string, string>>(props: {
  title: string
  initial: T
  schema: z.ZodType
  fields: { path: keyof T & string; label: string; date?: boolean }[]
  send: (v: T) => Promise<RtmBatchView>
  onClose: () => void
  onDone: (b: RtmBatchView) => void
  testId: string
}): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const form = useForm<T>(props.initial, (v) => validate(props.schema, v, t).errors, { schema: props.schema })
  const save = useMutation({
    mutationFn: () => props.send(form.values),
    onSuccess: (b) => {
      props.onDone(b)
      props.onClose()
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
    }
  })
  return (
    <Modal open title={props.title} onCancel={props.onClose} onOk={() => form.submit(() => save.mutate())} confirmLoading={save.isPending} okButtonProps={{ id: `${props.testId}-ok` }} data-testid={props.testId}>
      <Form layout="vertical" component="div">
        {props.fields.map((f) => (
          <Field key={f.path} path={f.path} label={f.label} error={form.error(f.path)} required>
            {f.date ? (
              <DateInput id={fieldId(f.path)} value={form.values[f.path]} onChange={(v) => form.set(f.path, v)} status={form.error(f.path) ? 'error' : undefined} />
            ) : (
              <Input {...form.text(f.path)} />
            )}
          </Field>
        ))}
      </Form>
    </Modal>
  )
}

function CreateDialog({ onClose, onDone }: { onClose: () => void; onDone: (b: RtmBatchView) => void }): React.JSX.Element {
  const t = useT()
  return (
    <FormDialog
      title={t('warehouse.ui.rtm.new')}
      initial={{ maker: '', note: '' }}
      schema={CreateBatch}
      fields={[
        { path: 'maker', label: t('warehouse.rtm.maker') },
        { path: 'note', label: t('warehouse.rtm.note') }
      ]}
      send={(v) => call('warehouse.rtm.create', v)}
      onClose={onClose}
      onDone={onDone}
      testId="rtm-create"
    />
  )
}

function SendDialog({ batch, onClose, onDone }: { batch: RtmBatchView; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  return (
    <FormDialog
      title={t('warehouse.ui.rtm.sendTitle', { batchNo: batch.batchNo })}
      initial={{ date: localDate(new Date(), tz), carrierRef: '' }}
      schema={SendBatch}
      fields={[
        { path: 'date', label: t('warehouse.rtm.sentDate'), date: true },
        { path: 'carrierRef', label: t('warehouse.rtm.carrierRef') }
      ]}
      send={(v) => call('warehouse.rtm.send', { batchId: batch.id, ...v })}
      onClose={onClose}
      onDone={onDone}
      testId="rtm-send-dialog"
    />
  )
}

function CreditDialog({ batch, onClose, onDone }: { batch: RtmBatchView; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  return (
    <FormDialog
      title={t('warehouse.ui.rtm.creditTitle', { batchNo: batch.batchNo })}
      initial={{ creditNoteNo: '', amount: '' }}
      schema={CreditBatch}
      fields={[
        { path: 'creditNoteNo', label: t('warehouse.rtm.creditNoteNo') },
        { path: 'amount', label: t('warehouse.rtm.creditAmount') }
      ]}
      send={(v) => call('warehouse.rtm.credit', { batchId: batch.id, creditNoteNo: v.creditNoteNo, amountFen: parseYuan(v.amount) ?? 0 })}
      onClose={onClose}
      onDone={onDone}
      testId="rtm-credit-dialog"
    />
  )
}
