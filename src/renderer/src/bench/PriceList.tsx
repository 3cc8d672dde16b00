import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Input, InputNumber, Modal, Select, Table, Typography } from 'antd'
import { formatYuan, parseYuan } from '@shared/domain/money'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { categoryOptions, faultOptions } from '../ui/catalogue'
import { FieldMessage } from '../ui/FieldMessage'

interface Row {
  key: number
  category: string
  faultCode: string
  description: string
  amount: string
  minutes: number
}

let rowSeq = 0

type PriceInput = { category: string; faultCode: string; description: string; amountFen: number; minutes: number }

/** Why the screen cannot read a typed amount (an i18n key), or null when it can. */
const amountProblem = (amount: string): string | null => (amount.trim() === '' ? 'v.required' : parseYuan(amount) === null ? 'v.money' : null)

/** The labour price list (by device category and fault code): the manager edits it and saves it whole. */
export function PriceListDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const settings = useSettings().data
  const prices = useQuery({ queryKey: ['repairs.prices.list'], queryFn: () => call('repairs.prices.list', {}) })
  const [rows, setRows] = useState<Row[] | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (prices.data && rows === null)
      setRows(prices.data.map((p) => ({ key: ++rowSeq, category: p.category, faultCode: p.faultCode, description: p.description, amount: formatYuan(p.amountFen), minutes: p.minutes })))
  }, [prices.data, rows])
  const save = useMutation({
    mutationFn: (prices: PriceInput[]) => call('repairs.prices.save', { prices }),
    onSuccess: () => {
      message.success(t('bench.prices.saved'))
      void qc.invalidateQueries({ queryKey: ['repairs.prices.list'] })
      void qc.invalidateQueries({ queryKey: ['repairs.card'] })
      onClose()
    },
    onError: (e) => {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields)
      message.error(errorText(e, t))
    }
  })
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => (rs ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const err = (i: number, f: string) => errors[`prices.${i}.${f}`]
  // An amount the screen cannot read is refused on its own cell, never sent as a made-up number.
  const amountErr = (r: Row, i: number) => {
    const problem = amountProblem(r.amount)
    return problem ? t(problem) : err(i, 'amountFen')
  }
  const submit = () => {
    const prices: PriceInput[] = []
    const unreadable: Record<string, string> = {}
    ;(rows ?? []).forEach((r, i) => {
      const amountFen = parseYuan(r.amount)
      const problem = amountProblem(r.amount)
      if (problem || amountFen === null) unreadable[`prices.${i}.amountFen`] = t(problem ?? 'v.money')
      else prices.push({ category: r.category, faultCode: r.faultCode, description: r.description, amountFen, minutes: r.minutes })
    })
    if (Object.keys(unreadable).length) {
      setErrors(unreadable)
      message.error(t('err.VALIDATION'))
      return
    }
    save.mutate(prices)
  }
  const status = (i: number, f: string) => (err(i, f) ? ('error' as const) : undefined)
  return (
    <Modal open width={900} title={t('bench.prices.title')} onCancel={onClose} onOk={submit} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'prices-save' } as never} data-testid="prices-dialog">
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows ?? []}
        loading={!rows}
        columns={[
          {
            title: t('bench.prices.category'),
            render: (_, r, i) => <Select status={status(i, 'category')} style={{ width: 120 }} value={r.category || undefined} options={settings ? categoryOptions(settings, t) : []} onChange={(v: string) => set(r.key, { category: v })} data-testid={`prices-category-${i}`} />
          },
          {
            title: t('bench.prices.faultCode'),
            render: (_, r, i) => (
              <>
                <Select status={status(i, 'faultCode')} style={{ width: 140 }} value={r.faultCode || undefined} options={settings ? faultOptions(settings, t) : []} onChange={(v: string) => set(r.key, { faultCode: v })} data-testid={`prices-fault-${i}`} />
                {err(i, 'faultCode') && <Typography.Text type="danger" data-testid={`prices-fault-error-${i}`}> {err(i, 'faultCode')}</Typography.Text>}
              </>
            )
          },
          { title: t('bench.prices.description'), render: (_, r, i) => <Input status={status(i, 'description')} value={r.description} onChange={(e) => set(r.key, { description: e.target.value })} data-testid={`prices-description-${i}`} /> },
          {
            title: t('bench.prices.amount'),
            render: (_, r, i) => (
              <>
                <Input
                  prefix="¥"
                  status={amountErr(r, i) ? 'error' : undefined}
                  style={{ width: 110 }}
                  value={r.amount}
                  onChange={(e) => {
                    set(r.key, { amount: e.target.value })
                    // What main said about the old amount no longer applies once it is retyped.
                    setErrors(({ [`prices.${i}.amountFen`]: _old, ...rest }) => rest)
                  }}
                  aria-invalid={amountErr(r, i) ? true : undefined}
                  data-testid={`prices-amount-${i}`}
                />
                <FieldMessage text={amountErr(r, i)} testId={`prices-amount-error-${i}`} />
              </>
            )
          },
          { title: t('bench.prices.minutes'), render: (_, r, i) => <InputNumber min={0} max={100000} style={{ width: 80 }} value={r.minutes} onChange={(n) => set(r.key, { minutes: Number(n ?? 0) })} data-testid={`prices-minutes-${i}`} /> },
          { title: '', render: (_, r) => <Button type="link" danger onClick={() => setRows((rs) => (rs ?? []).filter((x) => x.key !== r.key))}>{t('bench.charge.remove')}</Button> }
        ]}
      />
      <Button style={{ marginTop: 8 }} onClick={() => setRows((rs) => [...(rs ?? []), { key: ++rowSeq, category: 'phone', faultCode: '', description: '', amount: '0', minutes: 30 }])} data-testid="prices-add">
        {t('bench.prices.add')}
      </Button>
    </Modal>
  )
}
