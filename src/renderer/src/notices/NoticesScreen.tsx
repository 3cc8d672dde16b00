import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd'
import { CopyOutlined } from '@ant-design/icons'
import type { Role } from '@shared/contract'
import type { NoticeChannel, NoticeItem, NoticeOutcome } from '@shared/contract/customers'
import { LOCALES, type Locale } from '@shared/i18n/define'
import { localDate, localDateTime } from '@shared/domain/dates'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, SETTINGS_KEY, useSettings, showRefusal } from '../app/session'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'


/** Copies through the clipboard API, or the selection when the page may not use it. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    document.body.appendChild(area)
    area.select()
    document.execCommand('copy')
    area.remove()
  }
}

/** 取机通知: the counter's "to notify" list (with the notice dialog) and the manager's uncollected list. */
export function NoticesScreen({ role, onOpenOrder }: { role: Role | undefined; onOpenOrder: (orderId: number) => void }): React.JSX.Element {
  const t = useT()
  const showUncollected = canCall(role, 'notices.uncollected')
  const due = useQuery({ queryKey: ['notices.list'], queryFn: () => call('notices.list', {}) })
  const uncollected = useQuery({ queryKey: ['notices.uncollected'], queryFn: () => call('notices.uncollected', {}), enabled: showUncollected })
  const [notifying, setNotifying] = useState<NoticeItem | null>(null)
  const error = due.error ?? uncollected.error
  return (
    <Card title={t('notices.title')} data-testid="notices-screen">
      {error && <Alert type="error" showIcon title={errorText(error, t)} style={{ marginBottom: 8 }} />}
      <Tabs
        items={[
          {
            key: 'due',
            label: `${t('notices.toNotify')} (${due.data?.length ?? 0})`,
            children: <NoticeTable items={due.data} loading={due.isPending} empty={t('notices.empty')} onNotify={setNotifying} onOpenOrder={onOpenOrder} testId="notices-due" />
          },
          ...(showUncollected
            ? [
                {
                  key: 'uncollected',
                  label: <span data-testid="notices-uncollected-tab">{`${t('notices.uncollectedTab')} (${uncollected.data?.length ?? 0})`}</span>,
                  children: (
                    <NoticeTable items={uncollected.data} loading={uncollected.isPending} empty={t('notices.uncollectedEmpty')} onNotify={setNotifying} onOpenOrder={onOpenOrder} testId="notices-uncollected" />
                  )
                }
              ]
            : []),
          ...(canCall(role, 'settings.update')
            ? [{ key: 'template', label: <span data-testid="notices-template-tab">{t('notices.template')}</span>, children: <TemplateForm /> }]
            : [])
        ]}
      />
      {notifying && <NoticeDialog item={notifying} onClose={() => setNotifying(null)} />}
    </Card>
  )
}

function NoticeTable(props: {
  items: NoticeItem[] | undefined
  loading: boolean
  empty: string
  testId: string
  onNotify: (i: NoticeItem) => void
  onOpenOrder: (orderId: number) => void
}): React.JSX.Element {
  const t = useT()
  const tz = useSettings().data?.timeZone ?? 'Asia/Shanghai'
  const today = localDate(new Date(), tz)
  return (
    <Table
      size="small"
      rowKey="orderId"
      loading={props.loading}
      dataSource={props.items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: props.empty }}
      data-testid={props.testId}
      columns={[
        {
          title: t('notices.col.order'),
          render: (_, i) => (
            <Button type="link" size="small" onClick={() => props.onOpenOrder(i.orderId)} data-testid={`notice-open-${i.orderNo}`}>
              {i.orderNo}
            </Button>
          )
        },
        { title: t('notices.col.customer'), render: (_, i) => `${i.customerName} ${i.mobile}` },
        { title: t('notices.col.device'), dataIndex: 'device' },
        { title: t('notices.col.readyAt'), render: (_, i) => localDateTime(i.readyAt, tz) },
        { title: t('notices.col.notices'), render: (_, i) => t('notices.times', { n: i.notices }) },
        {
          title: t('notices.col.last'),
          render: (_, i) =>
            i.lastNoticeAt ? `${localDateTime(i.lastNoticeAt, tz)} ${t(`notices.channel.${i.lastChannel!}`)} · ${t(`notices.outcome.${i.lastOutcome!}`)}` : '—'
        },
        { title: t('notices.col.due'), render: (_, i) => (i.dueDate < today ? <Tag color="error">{i.dueDate}</Tag> : i.dueDate) },
        {
          title: '',
          render: (_, i) => (
            <Button size="small" type="primary" onClick={() => props.onNotify(i)} data-testid={`notice-notify-${i.orderNo}`}>
              {t('notices.notify')}
            </Button>
          )
        }
      ]}
    />
  )
}

function NoticeDialog({ item, onClose }: { item: NoticeItem; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const storeLocale = useSettings().data?.locale ?? 'zh-CN'
  const [channel, setChannel] = useState<NoticeChannel>('call')
  const [outcome, setOutcome] = useState<NoticeOutcome>('reached')
  const [locale, setLocale] = useState<Locale>(storeLocale)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const template = useQuery({
    queryKey: ['notices.message', item.orderId, locale],
    queryFn: () => call('notices.message', { orderId: item.orderId, locale }),
    enabled: channel === 'message'
  })
  useEffect(() => {
    if (template.data) setText(template.data.text)
  }, [template.data])
  const record = useMutation({
    mutationFn: () =>
      call('notices.record', { orderId: item.orderId, channel, outcome: channel === 'message' ? 'sent' : outcome, ...(channel === 'message' ? { text, locale } : {}) }),
    onSuccess: () => {
      message.success(t('notices.recorded'))
      void qc.invalidateQueries({ queryKey: ['notices.list'] })
      void qc.invalidateQueries({ queryKey: ['notices.uncollected'] })
      onClose()
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Modal
      open
      width={600}
      title={t('notices.dialogTitle', { orderNo: item.orderNo })}
      onCancel={onClose}
      onOk={() => record.mutate()}
      okText={t('notices.record')}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'notice-record' } as never}
      cancelText={t('ui.common.cancel')}
    >
      <Form layout="vertical" component="div" data-testid="notice-dialog">
        <Typography.Paragraph>
          <b>{item.customerName}</b> {item.mobile} · {item.device}
        </Typography.Paragraph>
        <Field path="channel" label={t('notices.channel')}>
          <Radio.Group id={fieldId('channel')} value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="notice-channel">
            <Radio.Button value="call">{t('notices.channel.call')}</Radio.Button>
            <Radio.Button value="message">{t('notices.channel.message')}</Radio.Button>
          </Radio.Group>
        </Field>
        {channel === 'call' ? (
          <Field path="outcome" label={t('notices.outcome')} error={errors.outcome}>
            <Radio.Group id={fieldId('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="notice-outcome">
              <Radio value="reached">{t('notices.outcome.reached')}</Radio>
              <Radio value="notReached">{t('notices.outcome.notReached')}</Radio>
            </Radio.Group>
          </Field>
        ) : (
          <>
            <Field path="locale" label={t('notices.language')}>
              <Radio.Group id={fieldId('locale')} value={locale} onChange={(e) => setLocale(e.target.value)} data-testid="notice-locale">
                {LOCALES.map((l) => (
                  <Radio key={l} value={l}>
                    {l === 'zh-CN' ? '中文' : 'English'}
                  </Radio>
                ))}
              </Radio.Group>
            </Field>
            <Field path="text" label={t('notices.messageText')} error={errors.text}>
              <Space.Compact direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea id={fieldId('text')} rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="notice-text" />
                <Button
                  icon={<CopyOutlined />}
                  onClick={() => void copyText(text).then(() => message.success(t('notices.copied')))}
                  data-testid="notice-copy"
                >
                  {t('notices.copy')}
                </Button>
              </Space.Compact>
            </Field>
          </>
        )}
      </Form>
    </Modal>
  )
}

/** The manager's wording of the message, per language (Settings → noticeTemplate); empty = the built-in text. */
function TemplateForm(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const settings = useSettings()
  const [values, setValues] = useState<Record<Locale, string> | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const current = values ?? settings.data?.noticeTemplate ?? { 'zh-CN': '', en: '' }
  const save = useMutation({
    mutationFn: () => call('settings.update', { noticeTemplate: current }),
    onSuccess: (s) => {
      qc.setQueryData(SETTINGS_KEY, s)
      void qc.invalidateQueries({ queryKey: ['notices.message'] })
      setErrors({})
      message.success(t('notices.templateSaved'))
    },
    onError: (e) => showRefusal(e, setErrors, message, t)
  })
  return (
    <Form layout="vertical" component="div" data-testid="notices-template" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('notices.templateHelp')}</Typography.Paragraph>
      {LOCALES.map((l) => (
        <Field key={l} path={`noticeTemplate.${l}`} label={l === 'zh-CN' ? '中文' : 'English'} error={errors[`noticeTemplate.${l}`]}>
          <Input.TextArea
            id={fieldId(`noticeTemplate.${l}`)}
            rows={3}
            value={current[l]}
            onChange={(e) => setValues({ ...current, [l]: e.target.value })}
            data-testid={`notices-template-${l}`}
          />
        </Field>
      ))}
      <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="notices-template-save">
        {t('notices.templateSave')}
      </Button>
    </Form>
  )
}
