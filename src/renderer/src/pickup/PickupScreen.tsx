import { useEffect, useMemo, useRef, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd'
import { DeleteOutlined, FilePdfOutlined, PlusOutlined, PrinterOutlined, ScanOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import { ID_TYPES, type PickupCandidate, type PickupCompleteInput, type PickupCompleteResult, type PickupFindResult } from '@shared/contract/pickup'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain/payments'
import { percentToBasisPoints, settle, type Discount } from '@shared/domain/settlement'
import { formatMoney, formatYuan, parseYuan } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId, focusFirstError } from '../ui/validation'
import { downloadFile } from '../ui/download'
import { JOB_COLOR, jobError } from '../ui/jobs'

type Fields = Record<string, string>
interface TenderRow {
  method: PaymentMethod
  amount: string
}

/** Pickup: find the order, settle, pay, final receipt, void the claim ticket (issue 8). */
export function PickupScreen({ onOpenOrder }: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<PickupFindResult | null>(null)
  const [selected, setSelected] = useState<PickupCandidate | null>(null)
  const [done, setDone] = useState<PickupCompleteResult | null>(null)
  const scanRef = useRef<{ focus: () => void; select: () => void } | null>(null)

  const find = useMutation({
    mutationFn: (q: string) => call('pickup.find', { query: q }),
    onSuccess: (r) => {
      setFound(r)
      setDone(null)
      const ready = r.candidates.filter((c) => c.canHandBack)
      setSelected(r.candidates.length === 1 && ready.length === 1 ? ready[0] : null)
    },
    // The text stays to be read, selected: the scanner's next code replaces it instead of appending.
    onSettled: () => setTimeout(() => scanRef.current?.select(), 0)
  })
  const reset = () => {
    setQuery('')
    setFound(null)
    setSelected(null)
    setDone(null)
    find.reset()
    setTimeout(() => scanRef.current?.focus(), 0)
  }

  return (
    <div data-testid="pickup-screen" className="pickup-screen">
      <Typography.Title level={4}>{t('pickup.ui.title')}</Typography.Title>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <Input
          ref={(el) => {
            scanRef.current = el
          }}
          autoFocus
          size="large"
          prefix={<ScanOutlined />}
          placeholder={t('pickup.ui.scan')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onPressEnter={() => query.trim() && find.mutate(query.trim())}
          data-testid="pickup-scan"
          aria-label={t('pickup.ui.scan')}
        />
        <Button size="large" type="primary" onClick={() => query.trim() && find.mutate(query.trim())} loading={find.isPending} data-testid="pickup-find">
          {t('pickup.ui.find')}
        </Button>
      </Space.Compact>
      {find.error && <Alert style={{ marginTop: 12, maxWidth: 720 }} type="error" showIcon message={errorText(find.error, t)} data-testid="pickup-find-error" />}
      {found && !found.candidates.length && <Empty style={{ marginTop: 12 }} description={t('pickup.ui.noMatch')} data-testid="pickup-no-match" />}
      {found && found.candidates.length > 0 && !done && (
        <Candidates candidates={found.candidates} selectedId={selected?.id ?? null} onSelect={setSelected} onOpenOrder={onOpenOrder} />
      )}
      {selected && !done && (
        <Settlement
          key={selected.id}
          orderId={selected.id}
          scannedProof={found?.proof ?? null}
          onDone={(r) => {
            setDone(r)
            setFound(null)
          }}
        />
      )}
      {done && <Done result={done} onNext={reset} onOpenOrder={onOpenOrder} />}
    </div>
  )
}

function Candidates(props: { candidates: PickupCandidate[]; selectedId: number | null; onSelect: (c: PickupCandidate) => void; onOpenOrder: (id: number) => void }) {
  const t = useT()
  return (
    <Card size="small" title={t('pickup.ui.candidates')} style={{ marginTop: 12 }}>
      <Table<PickupCandidate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={props.candidates}
        data-testid="pickup-candidates"
        rowClassName={(c) => (c.id === props.selectedId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('pickup.receipt.orderNo'), dataIndex: 'orderNo', render: (no: string, c) => <a onClick={() => props.onOpenOrder(c.id)} data-testid={`pickup-open-${c.id}`}>{no}</a> },
          { title: t('pickup.receipt.customer'), render: (_, c) => `${c.customerName} ${c.customerMobile}` },
          { title: t('pickup.receipt.device'), dataIndex: 'deviceLabel' },
          { title: '', render: (_, c) => <Tag color={c.canHandBack ? 'green' : 'default'}>{t(`status.${c.status}`)}</Tag> },
          {
            title: '',
            render: (_, c) => (
              <Button size="small" type={c.canHandBack ? 'primary' : 'default'} onClick={() => props.onSelect(c)} data-testid={`pickup-select-${c.id}`}>
                {t('pickup.ui.select')}
              </Button>
            )
          }
        ]}
      />
    </Card>
  )
}

const yuanOrZero = (s: string) => (s.trim() === '' ? 0 : parseYuan(s))

/** A plain decimal number as typed ("12.5", "12.345", "-3", "０.５" from a full-width keyboard); not "1e1", "10%", "0x10". */
const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/

/**
 * The discount as typed. What is sent is exactly what the clerk typed (main's schema refuses what it
 * must, naming the field); only text the screen cannot read as a number is refused here, on the field.
 * `preview` is the discount the live totals show, null when main would refuse the value.
 */
type DiscountEntry =
  | { state: 'off' }
  | { state: 'empty' }
  | { state: 'unreadable'; messageKey: string }
  | { state: 'typed'; amountFen: number; percent: number; preview: Discount | null }

function readDiscount(on: boolean, kind: 'amount' | 'percent', value: string): DiscountEntry {
  if (!on) return { state: 'off' }
  const text = value.normalize('NFKC').trim().replace(/。/g, '.')
  if (text === '') return { state: 'empty' }
  if (kind === 'amount') {
    const fen = parseYuan(text)
    if (fen === null) return { state: 'unreadable', messageKey: 'v.money' }
    return { state: 'typed', amountFen: fen, percent: 0, preview: fen >= 0 ? { kind: 'amount', fen } : null }
  }
  if (!PLAIN_DECIMAL.test(text)) return { state: 'unreadable', messageKey: 'v.number' }
  const percent = Number(text)
  if (!Number.isFinite(percent)) return { state: 'unreadable', messageKey: 'v.number' }
  // Previewed only when it is what main records (0–100, at most two decimals): never a rounded figure.
  const basisPoints = percent * 100
  const exact = percent >= 0 && percent <= 100 && Math.abs(basisPoints - Math.round(basisPoints)) <= 1e-6
  return { state: 'typed', amountFen: 0, percent, preview: exact ? { kind: 'percent', basisPoints: percentToBasisPoints(percent) } : null }
}

function Settlement({ orderId, scannedProof, onDone }: { orderId: number; scannedProof: PickupFindResult['proof']; onDone: (r: PickupCompleteResult) => void }) {
  const t = useT()
  const { message } = App.useApp()
  const quote = useQuery({ queryKey: ['pickup.quote', orderId], queryFn: () => call('pickup.quote', { orderId }) })
  const [code, setCode] = useState('')
  const [lost, setLost] = useState(false)
  const [collector, setCollector] = useState({ collectorName: '', idType: 'idCard' as (typeof ID_TYPES)[number], idNumber: '' })
  const [approval, setApproval] = useState({ username: '', pin: '' })
  const [discountOn, setDiscountOn] = useState(false)
  const [discount, setDiscount] = useState({ kind: 'amount' as 'amount' | 'percent', value: '', reason: '' })
  const [tenders, setTenders] = useState<TenderRow[] | null>(null)
  const [refundMethod, setRefundMethod] = useState<PaymentMethod | null>(null)
  const [fields, setFields] = useState<Fields>({})

  const q = quote.data
  // The first payment row starts as what is owed, in cash.
  useEffect(() => {
    if (q && tenders === null) setTenders(q.totals.balanceFen > 0 ? [{ method: 'cash', amount: formatYuan(q.totals.balanceFen) }] : [])
  }, [q, tenders])

  const entry = useMemo(() => readDiscount(discountOn, discount.kind, discount.value), [discountOn, discount.kind, discount.value])
  const discountPath = discount.kind === 'amount' ? 'discount.amountFen' : 'discount.percent'
  const tenderFen = (tenders ?? []).map((r) => yuanOrZero(r.amount))
  const live = q && tenderFen.every((f) => f !== null)
    ? settle({ lines: q.lines, heldFen: q.heldFen, discount: entry.state === 'typed' ? entry.preview : null, tenders: (tenders ?? []).map((r, i) => ({ method: r.method, amountFen: tenderFen[i] ?? 0 })) })
    : null

  const complete = useMutation({
    mutationFn: (input: PickupCompleteInput) => call('pickup.complete', input),
    onSuccess: (r) => onDone(r),
    onError: (e) => {
      if (e instanceof ApiError && Object.keys(e.fields).length) setFields(e.fields)
      else message.error(errorText(e, t))
    }
  })

  if (quote.isLoading || !q) return <Card loading style={{ marginTop: 12 }} />
  const fieldErr = (...paths: string[]) => paths.map((p) => fields[p]).find(Boolean)
  const needsApproval = lost || discountOn
  const proof: PickupCompleteInput['proof'] = lost
    ? { kind: 'lost', ...collector, approval }
    : scannedProof && !code
      ? scannedProof
      : { kind: 'code', value: code }
  const submit = () => {
    // A ticked discount is sent as typed, or refused here on its field: never dropped to "no discount".
    if (entry.state === 'empty' || entry.state === 'unreadable') {
      setFields({ [discountPath]: t(entry.state === 'empty' ? 'v.required' : entry.messageKey) })
      focusFirstError([discountPath])
      return
    }
    setFields({})
    complete.mutate({
      orderId,
      proof,
      discount: entry.state === 'typed' ? { kind: discount.kind, amountFen: entry.amountFen, percent: entry.percent, reason: discount.reason, approval } : null,
      tenders: (tenders ?? []).map((r, i) => ({ method: r.method, amountFen: tenderFen[i] ?? 0 })).filter((x) => x.amountFen > 0),
      refundMethod
    })
  }
  // What main (or this screen) said about the old amount no longer applies once it is retyped.
  const editDiscount = (patch: Partial<typeof discount>) => {
    setDiscount({ ...discount, ...patch })
    setFields(({ 'discount.amountFen': _a, 'discount.percent': _p, ...rest }) => rest)
  }
  const editDiscountValue = (value: string) => editDiscount({ value })
  const methodOptions = PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payment.${m}`) }))
  const balance = live?.ok ? live.value.balanceFen : q.totals.balanceFen

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="pickup-settlement"
      title={`${q.order.orderNo} · ${q.order.customer.name} · ${q.order.device.brand} ${q.order.device.model}`}
      extra={<Tag>{t(`status.${q.order.status}`)}</Tag>}
    >
      {q.blocks.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="pickup-blocks" message={q.blocks.map((b) => <div key={b.kind} data-testid={`pickup-block-${b.kind}`}>{b.message}</div>)} />
      )}
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Typography.Text strong>{t('pickup.ui.lines')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={q.lines}
            data-testid="pickup-lines"
            locale={{ emptyText: t('pickup.receipt.noCharges') }}
            columns={[
              { title: t('pickup.receipt.item'), render: (_, l) => `${t(`pickup.line.${l.kind}`)} ${l.description}` },
              { title: t('pickup.receipt.qty'), dataIndex: 'qty', align: 'right' },
              { title: t('pickup.receipt.amount'), align: 'right', render: (_, l) => (l.warrantyFree ? <Tag color="blue">{t('pickup.receipt.free')} {formatMoney(l.amountFen)}</Tag> : formatMoney(l.amountFen)) }
            ]}
          />
          <Descriptions size="small" column={1} style={{ marginTop: 8 }} data-testid="pickup-totals">
            <Descriptions.Item label={t('pickup.receipt.gross')}>{formatMoney(q.totals.grossFen)}</Descriptions.Item>
            {q.totals.coverageFen > 0 && <Descriptions.Item label={t('pickup.receipt.coverage')}>-{formatMoney(q.totals.coverageFen)}</Descriptions.Item>}
            {live?.ok && live.value.discountFen > 0 && <Descriptions.Item label={t('pickup.receipt.discount')}>-{formatMoney(live.value.discountFen)}</Descriptions.Item>}
            <Descriptions.Item label={t('pickup.receipt.due')}>
              <span data-testid="pickup-due">{formatMoney(live?.ok ? live.value.dueFen : q.totals.dueFen)}</span>
            </Descriptions.Item>
            {q.heldFen > 0 && <Descriptions.Item label={t('pickup.receipt.deposit')}>-{formatMoney(q.heldFen)}</Descriptions.Item>}
            <Descriptions.Item label={balance >= 0 ? t('pickup.ui.toPay') : t('pickup.ui.toRefund')}>
              <Typography.Text strong data-testid="pickup-balance">{formatMoney(Math.abs(balance))}</Typography.Text>
            </Descriptions.Item>
            {q.warrantyUntil && <Descriptions.Item label="">{t('pickup.ui.warrantyUntil', { until: q.warrantyUntil })}</Descriptions.Item>}
          </Descriptions>
        </Col>
        <Col xs={24} lg={11}>
          <Form layout="vertical" size="small">
            <Typography.Text strong>{t('pickup.ui.proof')}</Typography.Text>
            {scannedProof && !lost && <div data-testid="pickup-proof-scanned">{t('pickup.ui.proofFromScan', { value: scannedProof.value })}</div>}
            {!scannedProof && !lost && (
              <Field path="proof.value" label={t('pickup.ui.claimCode')} error={fieldErr('proof.value')}>
                <Input id={fieldId('proof.value')} value={code} onChange={(e) => setCode(e.target.value)} data-testid="pickup-code" autoComplete="off" />
              </Field>
            )}
            <Checkbox checked={lost} onChange={(e) => setLost(e.target.checked)} data-testid="pickup-lost">
              {t('pickup.ui.lostTicket')}
            </Checkbox>
            {lost && (
              <div data-testid="pickup-lost-form" style={{ marginTop: 8 }}>
                <Field path="proof.collectorName" label={t('pickup.ui.collectorName')} error={fieldErr('proof.collectorName')} required>
                  <Input id={fieldId('proof.collectorName')} value={collector.collectorName} onChange={(e) => setCollector({ ...collector, collectorName: e.target.value })} data-testid="pickup-collector" />
                </Field>
                <Space>
                  <Field path="proof.idType" label={t('pickup.ui.idType')} error={fieldErr('proof.idType')}>
                    <Select id={fieldId('proof.idType')} style={{ width: 140 }} value={collector.idType} onChange={(v) => setCollector({ ...collector, idType: v })} options={ID_TYPES.map((k) => ({ value: k, label: t(`pickup.idType.${k}`) }))} data-testid="pickup-id-type" />
                  </Field>
                  <Field path="proof.idNumber" label={t('pickup.ui.idNumber')} error={fieldErr('proof.idNumber')} required>
                    <Input id={fieldId('proof.idNumber')} value={collector.idNumber} onChange={(e) => setCollector({ ...collector, idNumber: e.target.value })} data-testid="pickup-id-number" />
                  </Field>
                </Space>
              </div>
            )}
            <div style={{ marginTop: 8 }}>
              <Checkbox checked={discountOn} onChange={(e) => setDiscountOn(e.target.checked)} data-testid="pickup-discount-toggle">
                {t('pickup.ui.discount')}
              </Checkbox>
            </div>
            {discountOn && (
              <div data-testid="pickup-discount-form" style={{ marginTop: 8 }}>
                <Space align="start">
                  <Radio.Group value={discount.kind} onChange={(e) => editDiscount({ kind: e.target.value })} data-testid="pickup-discount-kind">
                    <Radio.Button value="amount">{t('pickup.ui.discountAmount')}</Radio.Button>
                    <Radio.Button value="percent">{t('pickup.ui.discountPercent')}</Radio.Button>
                  </Radio.Group>
                  <Field
                    path={discountPath}
                    error={
                      (entry.state === 'unreadable' ? t(entry.messageKey) : undefined) ??
                      fieldErr('discount.amountFen', 'discount.percent') ??
                      (live && !live.ok && live.problem === 'discountTooLarge' ? t('pickup.problem.discountTooLarge') : undefined)
                    }
                  >
                    <Input id={fieldId(discountPath)} style={{ width: 110 }} value={discount.value} onChange={(e) => editDiscountValue(e.target.value)} suffix={discount.kind === 'percent' ? '%' : '¥'} data-testid="pickup-discount-value" />
                  </Field>
                </Space>
                <Field path="discount.reason" label={t('pickup.ui.discountReason')} error={fieldErr('discount.reason')} required>
                  <Input id={fieldId('discount.reason')} value={discount.reason} onChange={(e) => setDiscount({ ...discount, reason: e.target.value })} data-testid="pickup-discount-reason" />
                </Field>
              </div>
            )}
            {needsApproval && (
              <Space data-testid="pickup-approval" style={{ marginTop: 8 }} align="start">
                <Field path="approval.username" label={t('pickup.ui.managerUser')} error={fieldErr('approval.username', 'proof.approval.username', 'discount.approval.username')}>
                  <Input id={fieldId('approval.username')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.target.value })} data-testid="pickup-manager-user" autoComplete="off" />
                </Field>
                <Field path="approval.pin" label={t('pickup.ui.managerPin')} error={fieldErr('approval.pin', 'proof.approval.pin', 'discount.approval.pin')}>
                  <Input.Password id={fieldId('approval.pin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.target.value })} data-testid="pickup-manager-pin" autoComplete="off" />
                </Field>
              </Space>
            )}
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('pickup.ui.payments')}</Typography.Text>
            </div>
            {balance > 0 || (tenders ?? []).length > 0 ? (
              <div data-testid="pickup-tenders">
                {(tenders ?? []).map((r, i) => (
                  <Space key={i} style={{ display: 'flex', marginTop: 4 }}>
                    <Select style={{ width: 110 }} value={r.method} options={methodOptions} onChange={(m) => setTenders((tenders ?? []).map((x, j) => (j === i ? { ...x, method: m } : x)))} data-testid={`pickup-tender-method-${i}`} />
                    <Input style={{ width: 120 }} prefix="¥" value={r.amount} status={tenderFen[i] === null ? 'error' : undefined} onChange={(e) => setTenders((tenders ?? []).map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))} data-testid={`pickup-tender-amount-${i}`} />
                    <Button icon={<DeleteOutlined />} onClick={() => setTenders((tenders ?? []).filter((_, j) => j !== i))} aria-label={t('pickup.ui.remove')} data-testid={`pickup-tender-remove-${i}`} />
                  </Space>
                ))}
                <Button style={{ marginTop: 4 }} size="small" icon={<PlusOutlined />} data-testid="pickup-tender-add" onClick={() => setTenders([...(tenders ?? []), { method: (tenders ?? []).some((x) => x.method === 'wechat') ? 'alipay' : 'wechat', amount: '' }])}>
                  {t('pickup.ui.addPayment')}
                </Button>
              </div>
            ) : (
              <Space style={{ marginTop: 4 }}>
                {t('pickup.ui.refundMethod')}
                <Select style={{ width: 110 }} value={refundMethod ?? q.order.service.depositMethod ?? 'cash'} options={methodOptions} onChange={setRefundMethod} data-testid="pickup-refund-method" />
              </Space>
            )}
            <div style={{ marginTop: 8 }} data-testid="pickup-live">
              {live?.ok && live.value.tenderedFen > 0 && (
                <div>
                  {t('pickup.ui.tendered')}: <span data-testid="pickup-tendered">{formatMoney(live.value.tenderedFen)}</span>
                </div>
              )}
              {live?.ok && (
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {t('pickup.ui.changeDue')}: <span data-testid="pickup-change">{formatMoney(live.value.changeFen)}</span>
                </Typography.Title>
              )}
              {(live && !live.ok) || fields.tenders ? (
                <Typography.Text type="danger" data-testid="pickup-problem" role="alert">
                  {fields.tenders ?? (live && !live.ok ? t(`pickup.problem.${live.problem}`, { owed: formatMoney(Math.max(0, balance - tenderFen.reduce<number>((a, f) => a + (f ?? 0), 0))) }) : '')}
                </Typography.Text>
              ) : null}
            </div>
            <Button
              style={{ marginTop: 12 }}
              type="primary"
              size="large"
              block
              disabled={!q.canHandBack || !live?.ok}
              loading={complete.isPending}
              onClick={submit}
              data-testid="pickup-confirm"
            >
              {t('pickup.ui.confirm')}
            </Button>
          </Form>
        </Col>
      </Row>
    </Card>
  )
}

function Done({ result, onNext, onOpenOrder }: { result: PickupCompleteResult; onNext: () => void; onOpenOrder: (id: number) => void }) {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const orderId = result.pickup.orderId
  const jobs = useQuery({
    queryKey: ['printing.jobs', orderId],
    queryFn: () => call('printing.jobs', { orderId }),
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'pending' || j.status === 'sending') ? 1_000 : false)
  })
  // This hand-back's jobs (and reprints after it), not the intake's deposit kick.
  const receiptJobs = (jobs.data ?? []).filter((j) => (j.kind === 'finalReceipt' || j.kind === 'drawerKick') && j.createdAt >= result.pickup.at)
  const pdf = useMutation({ mutationFn: () => call('pickup.receiptPdf', { orderId }), onSuccess: downloadFile, onError: (e) => message.error(errorText(e, t)) })
  const reprint = useMutation({
    mutationFn: () => call('pickup.reprint', { orderId }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['printing.jobs', orderId] }),
    onError: (e) => message.error(errorText(e, t))
  })
  const s = result.settlement
  return (
    <Card style={{ marginTop: 12, maxWidth: 720 }} data-testid="pickup-done">
      <Alert type="success" showIcon message={t('pickup.ui.done', { orderNo: result.pickup.orderNo })} description={localDateTime(result.pickup.at, tz)} />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('pickup.receipt.due')}>{formatMoney(s.dueFen)}</Descriptions.Item>
        {s.heldFen > 0 && <Descriptions.Item label={t('pickup.receipt.deposit')}>{formatMoney(s.heldFen)}</Descriptions.Item>}
        {s.payments.map((p) => (
          <Descriptions.Item key={p.method} label={t('pickup.receipt.paidBy', { method: t(`payment.${p.method}`) })}>
            {formatMoney(p.amountFen)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('pickup.ui.changeDue')}>
          <span data-testid="pickup-done-change">{formatMoney(s.changeFen)}</span>
        </Descriptions.Item>
        {s.refundFen > 0 && <Descriptions.Item label={t('pickup.ui.toRefund')}>{formatMoney(s.refundFen)}</Descriptions.Item>}
        {result.pickup.warrantyUntil && <Descriptions.Item label="">{t('pickup.ui.warrantyUntil', { until: result.pickup.warrantyUntil })}</Descriptions.Item>}
      </Descriptions>
      <div data-testid="pickup-receipt-status" style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('pickup.ui.receiptStatus')}: </Typography.Text>
        {receiptJobs.length === 0 && <span>{t('pickup.ui.receiptNotQueued')}</span>}
        {receiptJobs.map((j) => (
          <Tag key={j.id} color={JOB_COLOR[j.status]} data-testid={`pickup-job-${j.kind}`} data-status={j.status}>
            {t(`ui.job.kind.${j.kind}`)} · {t(`ui.job.status.${j.status}`)}
            {jobError(j, t) ? ` · ${jobError(j, t)}` : ''}
          </Tag>
        ))}
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button icon={<FilePdfOutlined />} onClick={() => pdf.mutate()} loading={pdf.isPending} data-testid="pickup-pdf">
          {t('pickup.ui.pdf')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => reprint.mutate()} loading={reprint.isPending} data-testid="pickup-reprint">
          {t('pickup.ui.reprint')}
        </Button>
        <Button onClick={() => onOpenOrder(orderId)} data-testid="pickup-open-order">
          {result.pickup.orderNo}
        </Button>
        <Button type="primary" onClick={onNext} data-testid="pickup-next" autoFocus>
          {t('pickup.ui.next')}
        </Button>
      </Space>
    </Card>
  )
}

