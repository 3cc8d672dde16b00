import { useEffect, useMemo, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd'
import { DENOMINATIONS, type DayStatus, type ZReport } from '@shared/contract/dayclose'
import type { ApprovalGrantView } from '@shared/contract/auth'
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/domain/payments'
import { formatMoney, parseYuan } from '@shared/domain/money'
import { localDateTime } from '@shared/domain/dates'
import { cellText, zSections } from '@shared/receipt/zreport'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings, fieldsOf, showRefusal } from '../app/session'
import { ManagerPinApproval } from '../app/ManagerPinApproval'
import { FieldMessage } from '../ui/FieldMessage'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { downloadFile } from '../ui/download'

const denomLabel = (fen: number) => formatMoney(fen).replace(/\.00$/, '')
const signedMoney = (fen: number) => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(fen))

/** 日结: today's float and cash moves, the close with the cash count, and the frozen daily report of a closed day. */
export function DayCloseScreen(): React.JSX.Element {
  const t = useT()
  const [day, setDay] = useState<string | undefined>(undefined)
  const status = useQuery({ queryKey: ['dayclose.status', day ?? 'today'], queryFn: () => call('dayclose.status', day ? { day } : {}) })
  const s = status.data
  const days = s ? [...new Set([...s.unclosed, s.today, ...(day ? [day] : [])])].sort() : []
  return (
    <Card
      title={t('dayclose.title')}
      data-testid="dayclose-screen"
      extra={
        s && (
          <Space>
            <span>{t('dayclose.day')}</span>
            <Select
              data-testid="dayclose-day"
              value={s.day}
              style={{ width: 170 }}
              onChange={(d) => setDay(d === s.today ? undefined : d)}
              options={days.map((d) => ({ value: d, label: d === s.today ? `${d}（${t('dayclose.today')}）` : d }))}
            />
            <Tag color={s.closed ? 'green' : 'orange'} data-testid="dayclose-state">
              {s.closed ? t('dayclose.closed') : t('dayclose.open')}
            </Tag>
          </Space>
        )
      }
    >
      {status.error && <Alert type="error" showIcon title={errorText(status.error, t)} />}
      {s && (s.closed ? <ClosedDay status={s} /> : <OpenDay status={s} />)}
    </Card>
  )
}

function OpenDay({ status }: { status: DayStatus }): React.JSX.Element {
  const isToday = status.day === status.today
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {isToday && <FloatAndMoves status={status} />}
      <CloseForm status={status} />
    </Space>
  )
}

function FloatAndMoves({ status }: { status: DayStatus }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [kind, setKind] = useState<'in' | 'out'>('in')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const move = useMutation({
    mutationFn: () => call('dayclose.cashMove', { kind, amountFen: parseYuan(amount) ?? -1, reason }),
    onSuccess: () => {
      setAmount('')
      setReason('')
      setErrors({})
      void qc.invalidateQueries({ queryKey: ['dayclose.status'] })
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Card size="small" title={t('dayclose.moves')} data-testid="dayclose-moves">
      {!status.float && <FloatPrompt />}
      {status.float && (
        <Typography.Paragraph data-testid="dayclose-float">
          {t('dayclose.float')} {formatMoney(status.float.amountFen)} · {status.float.userName} · {localDateTime(status.float.at, tz).slice(11)}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={status.moves.filter((m) => m.kind !== 'float')}
        locale={{ emptyText: t('dayclose.noMoves') }}
        columns={[
          { title: t('dayclose.z.kind'), dataIndex: 'kind', render: (k: string) => t(`dayclose.moveKind.${k}`) },
          { title: t('dayclose.z.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => signedMoney(f) },
          { title: t('dayclose.moveReason'), dataIndex: 'reason' },
          { title: t('dayclose.z.closedDayRef'), dataIndex: 'closedDayRef' },
          { title: '', dataIndex: 'userName' }
        ]}
      />
      <Form layout="inline" style={{ marginTop: 8, rowGap: 8 }}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} data-testid="dayclose-move-kind">
          <Radio.Button value="in">{t('dayclose.moveIn')}</Radio.Button>
          <Radio.Button value="out">{t('dayclose.moveOut')}</Radio.Button>
        </Radio.Group>
        <Field path="amountFen" error={errors.amountFen}>
          <Input id={fieldId('amountFen')} placeholder={t('dayclose.moveAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="dayclose-move-amount" style={{ width: 140 }} />
        </Field>
        <Field path="reason" error={errors.reason}>
          <Input id={fieldId('reason')} placeholder={t('dayclose.moveReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="dayclose-move-reason" style={{ width: 240 }} />
        </Field>
        <Button onClick={() => move.mutate()} loading={move.isPending} data-testid="dayclose-move-save" style={{ marginLeft: 8 }}>
          {t('dayclose.moveSave')}
        </Button>
      </Form>
    </Card>
  )
}

/** The opening float, asked for until today's is recorded (the screen and the banner in the shell). */
export function FloatPrompt(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [amount, setAmount] = useState('')
  const [error, setError] = useState<string | undefined>()
  const save = useMutation({
    mutationFn: () => call('dayclose.openFloat', { amountFen: parseYuan(amount) ?? -1, note: '' }),
    onSuccess: (m) => {
      message.success(t('dayclose.floatSaved', { amount: formatMoney(m.amountFen) }))
      void qc.invalidateQueries({ queryKey: ['dayclose.status'] })
    },
    onError: (e) => {
      const f = fieldsOf(e)
      setError(f.amountFen ?? errorText(e, t))
    }
  })
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="dayclose-float-prompt"
      title={t('dayclose.floatMissing')}
      action={
        <Form layout="inline">
          <Field path="float.amountFen" error={error}>
            <Input id={fieldId('float.amountFen')} placeholder={t('dayclose.floatAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} onPressEnter={() => save.mutate()} data-testid="dayclose-float-amount" style={{ width: 140 }} />
          </Field>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="dayclose-float-save">
            {t('dayclose.floatSave')}
          </Button>
        </Form>
      }
    />
  )
}

function CloseForm({ status }: { status: DayStatus }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const [counts, setCounts] = useState<string[]>(DENOMINATIONS.map(() => ''))
  const [other, setOther] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  const [grant, setGrant] = useState<ApprovalGrantView | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const expected = Object.fromEntries(status.expected.map((m) => [m.method, m.expectedFen])) as Record<PaymentMethod, number>
  const n = counts.map((c) => (/^\d+$/.test(c.trim()) ? Number(c.trim()) : c.trim() === '' ? 0 : NaN))
  const countedCash = n.reduce((a, c, i) => a + (Number.isFinite(c) ? c * DENOMINATIONS[i] : 0), 0)
  const countedOf = (m: Exclude<PaymentMethod, 'cash'>) => (other[m] === undefined || other[m].trim() === '' ? expected[m] : (parseYuan(other[m]) ?? NaN))
  const close = useMutation({
    mutationFn: () =>
      call('dayclose.close', {
        day: status.day,
        counts: n,
        counted: { wechat: countedOf('wechat'), alipay: countedOf('alipay'), card: countedOf('card'), other: countedOf('other') },
        note,
        approval: { token: grant?.token ?? '' }
      }),
    onSuccess: (r) => {
      qc.setQueryData(['dayclose.report', r.close.day], r.report)
      void qc.invalidateQueries({ queryKey: ['dayclose.status'] })
      void qc.invalidateQueries({ queryKey: ['dayclose.unclosed'] })
    },
    onError: (e) => {
      const fields = fieldsOf(e)
      if (fields['approval.token']) setGrant(null) // expired or spent: the PIN is asked again
      setErrors(fields)
      setFailure(Object.keys(fields).length ? null : errorText(e, t))
    }
  })
  /** What cannot be read is said on its field, and nothing is sent (main would name it only as out of range). */
  const submit = () => {
    const unreadable: Record<string, string> = {}
    n.forEach((c, i) => !Number.isFinite(c) && (unreadable[`counts.${i}`] = t('v.integer')))
    for (const m of ['wechat', 'alipay', 'card', 'other'] as const) if (!Number.isFinite(countedOf(m))) unreadable[`counted.${m}`] = t('v.money')
    setErrors(unreadable)
    setFailure(null)
    if (!Object.keys(unreadable).length) close.mutate()
  }
  return (
    <Card size="small" title={`${t('dayclose.count')} · ${status.day}`} data-testid="dayclose-close-form">
      <Row gutter={24}>
        <Col span={10}>
          <Table
            size="small"
            pagination={false}
            rowKey="denom"
            dataSource={DENOMINATIONS.map((denom, i) => ({ denom, i }))}
            columns={[
              { title: t('dayclose.denomination'), dataIndex: 'denom', render: (d: number) => denomLabel(d) },
              {
                title: t('dayclose.pieces'),
                dataIndex: 'i',
                render: (i: number) => (
                  <>
                    <Input
                      value={counts[i]}
                      status={Number.isFinite(n[i]) && !errors[`counts.${i}`] ? undefined : 'error'}
                      onChange={(e) => setCounts(counts.map((c, j) => (j === i ? e.target.value : c)))}
                      data-testid={`dayclose-count-${DENOMINATIONS[i]}`}
                      style={{ width: 90 }}
                      inputMode="numeric"
                    />
                    <FieldMessage text={errors[`counts.${i}`]} testId={`dayclose-count-${DENOMINATIONS[i]}-error`} />
                  </>
                )
              },
              { title: t('dayclose.z.amount'), dataIndex: 'i', key: 'sum', align: 'right', render: (i: number) => (Number.isFinite(n[i]) ? formatMoney(n[i] * DENOMINATIONS[i]) : '—') }
            ]}
          />
          <Statistic title={t('dayclose.countedCash')} value={formatMoney(countedCash)} data-testid="dayclose-counted-cash" style={{ marginTop: 8 }} />
          {errors.counts && <Typography.Text type="danger">{errors.counts}</Typography.Text>}
        </Col>
        <Col span={14}>
          <Table
            size="small"
            pagination={false}
            rowKey="method"
            data-testid="dayclose-expected"
            dataSource={status.expected}
            columns={[
              { title: t('dayclose.method'), dataIndex: 'method', render: (m: string) => t(`payment.${m}`) },
              { title: t('dayclose.expected'), dataIndex: 'expectedFen', align: 'right', render: (f: number, r) => <span data-testid={`dayclose-expected-${r.method}`}>{formatMoney(f)}</span> },
              {
                title: t('dayclose.z.counted'),
                dataIndex: 'method',
                key: 'counted',
                render: (m: PaymentMethod) =>
                  m === 'cash' ? (
                    formatMoney(countedCash)
                  ) : (
                    <>
                      <Input
                        value={other[m] ?? ''}
                        status={errors[`counted.${m}`] ? 'error' : undefined}
                        placeholder={formatMoney(expected[m]).slice(1)}
                        onChange={(e) => setOther({ ...other, [m]: e.target.value })}
                        data-testid={`dayclose-counted-${m}`}
                        style={{ width: 110 }}
                      />
                      <FieldMessage text={errors[`counted.${m}`]} testId={`dayclose-counted-${m}-error`} />
                    </>
                  )
              },
              {
                title: t('dayclose.diff'),
                dataIndex: 'method',
                key: 'diff',
                align: 'right',
                render: (m: PaymentMethod) => {
                  const counted = m === 'cash' ? countedCash : countedOf(m as Exclude<PaymentMethod, 'cash'>)
                  const diff = counted - expected[m]
                  return Number.isFinite(diff) ? (
                    <Typography.Text type={diff < 0 ? 'danger' : diff > 0 ? 'warning' : undefined} data-testid={`dayclose-diff-${m}`}>
                      {signedMoney(diff)}
                    </Typography.Text>
                  ) : (
                    '—'
                  )
                }
              }
            ]}
          />
          <Form layout="vertical" style={{ marginTop: 12 }}>
            <Field path="note" label={t('dayclose.note')} error={errors.note}>
              <Input id={fieldId('note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="dayclose-note" />
            </Field>
            <ManagerPinApproval
              purpose="dayclose.close"
              label={t('dayclose.approval')}
              grant={grant}
              onGrant={(g) => {
                setGrant(g)
                setErrors(({ 'approval.token': _spent, ...rest }) => rest)
              }}
              error={errors['approval.token']}
              testId="dayclose-manager"
            />
            {status.day === status.today && <Alert type="info" showIcon title={t('dayclose.todayFinal')} data-testid="dayclose-today-final" style={{ marginBottom: 8 }} />}
            {failure && <Alert type="error" showIcon title={failure} data-testid="dayclose-error" style={{ marginBottom: 8 }} />}
            <Button type="primary" danger disabled={!grant} onClick={submit} loading={close.isPending} data-testid="dayclose-close">
              {t('dayclose.closeButton')} {status.day}
            </Button>
          </Form>
        </Col>
      </Row>
    </Card>
  )
}

function ClosedDay({ status }: { status: DayStatus }): React.JSX.Element {
  const t = useT()
  const c = status.closed!
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const report = useQuery({ queryKey: ['dayclose.report', c.day], queryFn: () => call('dayclose.report', { day: c.day }) })
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        data-testid="dayclose-closed-info"
        title={t('dayclose.closedInfo', { day: c.day, at: localDateTime(c.closedAt, tz), by: c.closedBy, overShort: signedMoney(c.overShortFen) })}
      />
      <BackupNotice closedAt={c.closedAt} />
      {report.error && <Alert type="error" showIcon title={errorText(report.error, t)} />}
      {report.data && <ZReportView report={report.data} />}
      {status.day !== status.today && <AdjustForm day={c.day} />}
    </Space>
  )
}

/** After a close: the backup that follows it, or why it failed (the close itself is saved either way). */
function BackupNotice({ closedAt }: { closedAt: string }): React.JSX.Element | null {
  const t = useT()
  const recent = Date.now() - new Date(closedAt).getTime() < 10 * 60_000
  const list = useQuery({
    queryKey: ['backups.list', 'dayclose'],
    queryFn: () => call('backups.list', {}),
    enabled: recent,
    refetchInterval: (q) => {
      const d = q.state.data
      const done = d && (d.backups.some((b) => b.takenAt >= closedAt) || (d.lastFailure && d.lastFailure.at >= closedAt))
      return done ? false : 1000
    }
  })
  if (!recent || !list.data) return null
  const ok = list.data.backups.find((b) => b.takenAt >= closedAt)
  const failed = list.data.lastFailure && list.data.lastFailure.at >= closedAt ? list.data.lastFailure : null
  if (ok) return <Alert type="info" showIcon data-testid="dayclose-backup" title={t('dayclose.backupOk', { path: ok.path })} />
  if (failed) return <Alert type="error" showIcon data-testid="dayclose-backup" title={t('dayclose.backupFailed', { message: failed.message })} />
  return <Alert type="info" showIcon data-testid="dayclose-backup" title={t('dayclose.backupRunning')} />
}

export function ZReportView({ report }: { report: ZReport }): React.JSX.Element {
  const t = useT()
  const settings = useSettings()
  const { message } = App.useApp()
  const tz = settings.data?.timeZone ?? 'Asia/Shanghai'
  const sections = useMemo(() => zSections(report, t, tz), [report, t, tz])
  const exportFile = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx' | 'csv') => call('dayclose.export', { day: report.day, format }),
    onSuccess: (f) => downloadFile(f),
    onError: (e) => message.error(errorText(e, t))
  })
  const print = useMutation({
    mutationFn: () => call('dayclose.print', { day: report.day }),
    onSuccess: () => message.success(t('dayclose.printQueued')),
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Card size="small" title={`${t('dayclose.z.title')} ${report.day}`} data-testid="zreport">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => print.mutate()} loading={print.isPending} data-testid="zreport-print">
          {t('dayclose.print')}
        </Button>
        <Button onClick={() => exportFile.mutate('pdf')} data-testid="zreport-pdf">
          {t('dayclose.pdf')}
        </Button>
        <Button onClick={() => exportFile.mutate('xlsx')} data-testid="zreport-xlsx">
          {t('dayclose.xlsx')}
        </Button>
        <Button onClick={() => exportFile.mutate('csv')} data-testid="zreport-csv">
          {t('dayclose.csv')}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        {sections.map((s) => (
          <Col key={s.key} span={s.header.length > 4 ? 24 : 12}>
            <Typography.Text strong>{s.title}</Typography.Text>
            <Table
              size="small"
              pagination={s.rows.length > 20 ? { pageSize: 20 } : false}
              data-testid={`zreport-${s.key}`}
              rowKey={(_, i) => String(i)}
              dataSource={s.rows.map((r) => Object.fromEntries(r.map((c, i) => [String(i), cellText(c)])))}
              columns={s.header.map((h, i) => ({ title: h, dataIndex: String(i), align: i === 0 ? 'left' : 'right' }))}
              locale={{ emptyText: t('dayclose.z.none') }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  )
}

function AdjustForm({ day }: { day: string }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [direction, setDirection] = useState<'in' | 'out'>('in')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => setErrors({}), [day])
  const save = useMutation({
    mutationFn: () => call('dayclose.adjust', { closedDay: day, method, direction, amountFen: parseYuan(amount) ?? -1, reason }),
    onSuccess: () => {
      message.success(t('dayclose.adjustSaved'))
      setAmount('')
      setReason('')
      void qc.invalidateQueries({ queryKey: ['dayclose.status'] })
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Card size="small" title={t('dayclose.adjustTitle')} data-testid="dayclose-adjust">
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Select value={method} onChange={setMethod} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payment.${m}`) }))} style={{ width: 110 }} data-testid="dayclose-adjust-method" />
        <Radio.Group value={direction} onChange={(e) => setDirection(e.target.value)}>
          <Radio.Button value="in">{t('dayclose.moveIn')}</Radio.Button>
          <Radio.Button value="out">{t('dayclose.moveOut')}</Radio.Button>
        </Radio.Group>
        <Field path="adjust.amountFen" error={errors.amountFen}>
          <Input id={fieldId('adjust.amountFen')} placeholder={t('dayclose.moveAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="dayclose-adjust-amount" style={{ width: 120 }} />
        </Field>
        <Field path="adjust.reason" error={errors.reason}>
          <Input id={fieldId('adjust.reason')} placeholder={t('dayclose.moveReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="dayclose-adjust-reason" style={{ width: 240 }} />
        </Field>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="dayclose-adjust-save">
          {t('dayclose.adjustSave')}
        </Button>
      </Form>
    </Card>
  )
}

/** Above every screen: today's float not recorded yet (counter, manager); days left unclosed (manager). */
export function DayCloseBanner({ role, onGo, hideFloat }: { role: string | undefined; onGo: () => void; hideFloat?: boolean }): React.JSX.Element | null {
  const t = useT()
  const cash = role === 'counter' || role === 'manager'
  const status = useQuery({ queryKey: ['dayclose.status', 'today'], queryFn: () => call('dayclose.status', {}), enabled: cash, staleTime: 60_000 })
  const unclosed = useQuery({ queryKey: ['dayclose.unclosed'], queryFn: () => call('dayclose.unclosed', {}), enabled: role === 'manager', staleTime: 60_000 })
  if (!cash) return null
  const days = unclosed.data?.days ?? []
  const needFloat = !hideFloat && status.data && !status.data.float && !status.data.closed
  if (!days.length && !needFloat) return null
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }} data-testid="dayclose-banner">
      {days.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="dayclose-unclosed"
          title={t('dayclose.unclosedBanner', { days: days.join('、') })}
          action={
            <Button size="small" onClick={onGo} data-testid="dayclose-unclosed-go">
              {t('dayclose.unclosedGo')}
            </Button>
          }
        />
      )}
      {needFloat && <FloatPrompt />}
    </Space>
  )
}
