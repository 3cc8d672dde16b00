import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, Input, Space, Table } from 'antd'
import type { StocktakeSummary } from '@shared/contract/warehouse/stocktake'
import { stocktakeContract } from '@shared/contract/warehouse/stocktake'
import { localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { validate } from '../ui/validation'
import { StocktakeStatusTag } from './OldPartsCommon'
import { StocktakeDetail } from './StocktakeDetail'

const StartInput = stocktakeContract['warehouse.stocktakes.start'].input

/** 盘点: start a count (all parts or a bin range), pick one to count, review and approve. */
export function StocktakeTab(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const [selected, setSelected] = useState<number | null>(null)
  const list = useQuery({ queryKey: ['warehouse.stocktakes.list'], queryFn: () => call('warehouse.stocktakes.list', {}) })
  const form = useForm({ binFrom: '', binTo: '' }, (v) => validate(StartInput, v, t).errors, { schema: StartInput })
  const start = useMutation({
    mutationFn: () => call('warehouse.stocktakes.start', form.values),
    onSuccess: (st) => {
      setSelected(st.id)
      form.reset({ binFrom: '', binTo: '' })
      void qc.invalidateQueries({ queryKey: ['warehouse.stocktakes.list'] })
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
    }
  })
  const scope = (s: StocktakeSummary) =>
    !s.binFrom && !s.binTo ? t('warehouse.st.scopeAll') : t('warehouse.st.scopeRange', { from: s.binFrom || '…', to: s.binTo || '…' })

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('warehouse.ui.st.start')}>
        <Form layout="inline" component="div">
          <Field path="binFrom" label={t('warehouse.ui.st.binFrom')} error={form.error('binFrom')}>
            <Input {...form.text('binFrom')} placeholder={t('warehouse.ui.st.binOpen')} style={{ width: 160 }} />
          </Field>
          <Field path="binTo" label={t('warehouse.ui.st.binTo')} error={form.error('binTo')}>
            <Input {...form.text('binTo')} placeholder={t('warehouse.ui.st.binOpen')} style={{ width: 160 }} />
          </Field>
          <Button type="primary" loading={start.isPending} onClick={() => form.submit(() => start.mutate())} data-testid="st-start">
            {t('warehouse.ui.st.startButton')}
          </Button>
        </Form>
        <div style={{ color: '#888', marginTop: 8 }}>{t('warehouse.ui.st.startHint')}</div>
      </Card>
      <Card size="small" title={t('warehouse.ui.st.list')}>
        <Table<StocktakeSummary>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.isLoading}
          dataSource={list.data ?? []}
          data-testid="st-list"
          onRow={(s) => ({ onClick: () => setSelected(s.id), style: { cursor: 'pointer', background: s.id === selected ? '#e6f4ff' : undefined } })}
          columns={[
            { title: t('warehouse.st.stNo'), dataIndex: 'stNo', key: 'no', render: (v: string) => <span data-testid={`st-row-${v}`}>{v}</span> },
            { title: t('warehouse.st.scope'), key: 'scope', render: (_: unknown, s) => scope(s) },
            { title: t('warehouse.st.status'), key: 'status', render: (_: unknown, s) => <StocktakeStatusTag status={s.status} /> },
            { title: t('warehouse.st.countedLines'), key: 'counted', render: (_: unknown, s) => `${s.counted} / ${s.lines}` },
            { title: t('warehouse.st.startedAt'), key: 'at', render: (_: unknown, s) => `${localDateTime(s.createdAt, tz)} ${s.createdBy.displayName}` }
          ]}
        />
      </Card>
      {selected !== null && <StocktakeDetail key={selected} stocktakeId={selected} />}
    </Space>
  )
}
