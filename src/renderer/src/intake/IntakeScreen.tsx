import { useCallback, useEffect, useRef, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Col, Form, Popconfirm, Row, Space, Spin, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import type { StoreSettings } from '@shared/contract/settings'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, useSettings } from '../app/session'
import { PRINTER_STATUS_KEY } from '../app/PrinterIndicator'
import { IntakeInput } from '@shared/contract/intake'
import { enterMovesOn, focusTaskStart } from '../ui/keyboard'
import { useForm } from '../ui/useForm'
import { fieldId, focusFirstErrorWhenShown } from '../ui/validation'
import { CustomerCard } from './CustomerCard'
import { DeviceCard } from './DeviceCard'
import { FaultCard } from './FaultCard'
import { ConditionCard } from './ConditionCard'
import { WarrantyCard } from './WarrantyCard'
import { ServiceCard } from './ServiceCard'
import { checkIntake, collapseItemPaths, emptyIntake, finalInWarranty, storeToday, toIntakeInput, type IntakeForm } from './model'
import { useWarrantyVerdict } from './useWarrantyVerdict'
import { shownWarnings, useIntakeWarnings, WarningsPanel } from './WarningsPanel'

/** Fields folded under "more" (Alt+M): an error on one of them unfolds them before the caret goes there. */
const MORE_PATHS = /^(customer\.(landline|address)|purchase\.invoiceNo|condition\.other|accessories\.other|warranty\.|service\.technicianId|device\.imeiUnreadable)/

interface Props {
  active: boolean
  onCreated: (orderId: number) => void
  onOpenOrder: (orderId: number) => void
}

export function IntakeScreen(props: Props): React.JSX.Element {
  const settings = useSettings()
  if (!settings.data) return <Spin style={{ display: 'block', marginTop: 80 }} />
  return <IntakeBody {...props} settings={settings.data} />
}

/** Errors for paths no field on screen shows (should not happen, but must never be silent). */
function unplaced(errors: Record<string, string>): string[] {
  return Object.entries(errors)
    .filter(([path]) => !document.getElementById(fieldId(path)))
    .map(([path, message]) => `${path}: ${message}`)
}

/** 收机登记: one screen, driven from the keyboard, saved with Ctrl+Enter or the button. */
function IntakeBody({ active, onCreated, onOpenOrder, settings }: Props & { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const check = useCallback((f: IntakeForm) => checkIntake(f, t, storeToday(settings)), [t, settings])
  const form = useForm<IntakeForm>(() => emptyIntake(settings), check, { schema: IntakeInput })
  const [moreOpen, setMoreOpen] = useState(false)
  const more = { open: moreOpen, toggle: () => setMoreOpen((o) => !o) }
  const { query: warningsQuery, settled: warningsSettled } = useIntakeWarnings(form.values)
  // While the service type still follows the verdict it cannot contradict it: "paid while in
  // warranty" then only means the verdict has not arrived yet, so it is not shown (no flicker).
  const live = warningsQuery.data?.filter((w) => w.code !== 'paidInWarranty' || form.values.service.typeChosen)
  const warnings = shownWarnings(live, form.serverErrors, form.values.warningReasons, warningsSettled)
  const [topError, setTopError] = useState<{ message: string; details: string[]; fields: boolean } | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const verdict = useWarrantyVerdict(form.values)
  const finalIn = finalInWarranty(form.values, verdict.data?.inWarranty)

  useEffect(() => {
    // Until the clerk chooses, the service type follows the verdict (free repair only when covered).
    if (!form.values.service.typeChosen && finalIn !== undefined) form.set('service.type', finalIn ? 'warranty' : 'paid')
  }, [finalIn, form.values.service.typeChosen]) // eslint-disable-line react-hooks/exhaustive-deps

  const notCovered = form.values.service.type === 'warranty' && finalIn === false
  const fieldErrorCount = Object.keys(form.clientErrors).length + Object.keys(form.serverErrors).length + (notCovered ? 1 : 0)
  useEffect(() => {
    // The summary goes away once every field it was about has been fixed.
    if (topError?.fields && fieldErrorCount === 0) setTopError(null)
  }, [topError, fieldErrorCount])

  useEffect(() => {
    if (active && !rootRef.current?.contains(document.activeElement)) focusTaskStart()
  }, [active])

  /** Puts the caret on the first field in error, unfolding "more" first when that is where it is. */
  const focusErrors = (paths: string[]) => {
    if (paths.some((p) => MORE_PATHS.test(p))) setMoreOpen(true)
    focusFirstErrorWhenShown(paths)
  }

  const create = useMutation({
    mutationFn: () => call('intake.create', toIntakeInput(form.values)),
    onSuccess: ({ order, printJobs }) => {
      qc.setQueryData(['orders.get', order.id], order)
      qc.setQueryData(['printing.jobs', order.id], printJobs)
      void qc.invalidateQueries({ queryKey: PRINTER_STATUS_KEY })
      void qc.invalidateQueries({ queryKey: ['orders.list'] })
      // The customer now exists (and has one more order): a cached "no match" must not say "new" again.
      qc.removeQueries({ queryKey: ['customers.search'] })
      void qc.invalidateQueries({ queryKey: ['customers.history'] })
      void qc.invalidateQueries({ queryKey: ['devices.suggest'] })
      // This order is now an open order for its IMEI: a cached "no warnings" answer for the same device
      // (the next intake of a returning customer, within staleTime) must be asked again, not reused.
      qc.removeQueries({ queryKey: ['intake.warnings'] })
      message.success(t('ui.intake.saved', { orderNo: order.orderNo }))
      onCreated(order.id)
      // On the order page the next task is the next intake: its "back to intake" button takes the
      // caret — once the order page is rendered (this screen's own fields are still on it now).
      setTimeout(() => focusTaskStart(), 50)
    },
    onError: (e) => {
      const fields = e instanceof ApiError ? collapseItemPaths(e.fields) : {}
      setTopError({ message: errorText(e, t), details: unplaced(fields), fields: Object.keys(fields).length > 0 })
      form.setServerErrors(fields)
      if (Object.keys(fields).some((p) => p.startsWith('warnings.'))) void warningsQuery.refetch()
      focusErrors(Object.keys(fields))
    }
  })

  const submit = () => {
    if (create.isPending) return
    form.markSubmitted()
    const paths = Object.keys(form.clientErrors)
    if (notCovered) paths.push('service.type')
    // Every contradiction shown needs its reason before the save (main refuses it otherwise).
    const unexplained = warnings.filter((w) => !form.values.warningReasons[w.code]?.trim()).map((w) => `warnings.${w.code}`)
    if (unexplained.length) form.setServerErrors((e) => ({ ...e, ...Object.fromEntries(unexplained.map((p) => [p, t('v.required')])) }))
    paths.push(...unexplained)
    if (paths.length) {
      setTopError({ message: t('err.VALIDATION'), details: unexplained.length ? [] : unplaced(form.clientErrors), fields: true })
      return focusErrors(paths)
    }
    setTopError(null)
    create.mutate()
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      submit()
    } else if (e.altKey && e.key.toLowerCase() === 'm') {
      e.preventDefault()
      more.toggle()
    } else enterMovesOn(e)
  }

  return (
    <div ref={rootRef} onKeyDown={onKeyDown} className="intake" data-testid="intake-screen">
      {/* component={false}: no <form>, so Enter in a field never submits by accident */}
      <Form layout="vertical" component={false} requiredMark>
        {topError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setTopError(null) }}
            style={{ marginBottom: 8 }}
            title={<span data-testid="intake-error">{topError.message}</span>}
            description={topError.details.length ? <span data-testid="intake-error-details">{topError.details.join('；')}</span> : undefined}
          />
        )}
        <Row gutter={12}>
          <Col span={8}>
            <CustomerCard form={form} onOpenOrder={onOpenOrder} more={more} />
            <DeviceCard form={form} settings={settings} more={more} />
          </Col>
          <Col span={8}>
            <FaultCard form={form} settings={settings} />
            <ConditionCard form={form} more={more} />
          </Col>
          <Col span={8}>
            <WarrantyCard form={form} settings={settings} verdict={verdict} finalIn={finalIn} more={more} />
            <ServiceCard form={form} settings={settings} finalIn={finalIn} more={more} />
          </Col>
        </Row>
        <WarningsPanel form={form} warnings={warnings} onOpenOrder={onOpenOrder} />
        <div className="action-bar">
          <Typography.Text type="secondary">{t('ui.intake.shortcuts')}</Typography.Text>
          <Space>
            <Popconfirm
              title={t('ui.intake.clearConfirm')}
              onConfirm={() => {
                form.reset(emptyIntake(settings))
                focusTaskStart()
              }}               okText={t('ui.common.yes')}
              cancelText={t('ui.common.no')}
            >
              <Button data-testid="intake-clear">{t('ui.intake.clear')}</Button>
            </Popconfirm>
            <Button type="primary" icon={<PrinterOutlined />} loading={create.isPending} onClick={submit} data-testid="intake-submit" id="intake-submit">
              {t('ui.intake.submit')}
            </Button>
          </Space>
        </div>
      </Form>
    </div>
  )
}
