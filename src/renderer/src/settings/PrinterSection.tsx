import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Badge, Button, Col, Descriptions, Input, Radio, Row, Select, Switch, Typography } from 'antd'
import { CHARACTER_SETS, PRINTER_TYPES, PRINTER_WIDTHS, type StoreSettings } from '@shared/contract/settings'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { BADGE, PRINTER_STATUS_KEY, usePrinterStatus } from '../app/PrinterIndicator'
import { Field } from '../ui/Field'
import { SectionCard } from './SectionCard'
import { useSection } from './useSection'

export function PrinterSection({ settings }: { settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const { form, dirty, save, saving, reset } = useSection({ printer: settings.printer })
  const { text, error, values, set } = form
  const p = values.printer
  const status = usePrinterStatus()
  const test = useMutation({
    mutationFn: () => call('printing.testPrint', {}),
    onSuccess: () => {
      message.success(t('settings.printer.testQueued'))
      void qc.invalidateQueries({ queryKey: PRINTER_STATUS_KEY })
    },
    onError: (e) => message.error(errorText(e, t))
  })
  const testButton = (
    <Button onClick={() => test.mutate()} loading={test.isPending} disabled={dirty} data-testid="printer-test" title={dirty ? t('settings.printer.saveFirst') : undefined}>
      {t('settings.printer.test')}
    </Button>
  )

  return (
    <SectionCard id="printer" title={t('settings.printer.title')} dirty={dirty} saving={saving} onSave={save} onReset={reset} extra={testButton}>
      <Row gutter={24}>
        <Col span={14}>
          <Field path="printer.enabled" label={t('settings.printer.enabled')}>
            <Switch id="printer-enabled" checked={p.enabled} onChange={(v) => set('printer.enabled', v, true)} />
          </Field>
          <Field path="printer.interface" label={t('settings.printer.interface')} error={error('printer.interface')} extra={t('settings.printer.interfaceHint')} required>
            <Input {...text('printer.interface')} placeholder="tcp://PRINTER-IP:9100" />
          </Field>
          <Row gutter={16}>
            <Col span={12}>
              <Field path="printer.widthMm" label={t('settings.printer.width')}>
                <Radio.Group id="printer-widthMm" value={p.widthMm} onChange={(e) => set('printer.widthMm', e.target.value, true)}
                  options={PRINTER_WIDTHS.map((w) => ({ value: w, label: t('settings.printer.widthMm', { mm: w }) }))} />
              </Field>
            </Col>
            <Col span={12}>
              <Field path="printer.type" label={t('settings.printer.type')}>
                <Radio.Group id="printer-type" value={p.type} onChange={(e) => set('printer.type', e.target.value, true)}
                  options={PRINTER_TYPES.map((v) => ({ value: v, label: t(`settings.printer.type.${v}`) }))} />
              </Field>
            </Col>
          </Row>
          <Field path="printer.characterSet" label={t('settings.printer.characterSet')} extra={t('settings.printer.characterSetHint')}>
            <Select id="printer-characterSet" value={p.characterSet} onChange={(v) => set('printer.characterSet', v, true)}
              options={CHARACTER_SETS.map((c) => ({ value: c, label: t(`settings.printer.charset.${c}`) }))} />
          </Field>
          <Field path="printer.printDeviceTag" label={t('settings.printer.printDeviceTag')}>
            <Switch id="printer-printDeviceTag" checked={p.printDeviceTag} onChange={(v) => set('printer.printDeviceTag', v, true)} />
          </Field>
          <Field path="printer.reportsStatus" label={t('settings.printer.reportsStatus')} extra={t('settings.printer.reportsStatusHint')}>
            <Switch id="printer-reportsStatus" checked={p.reportsStatus !== false} onChange={(v) => set('printer.reportsStatus', v, true)} />
          </Field>
          <Field path="printer.openDrawerOnCash" label={t('settings.printer.openDrawerOnCash')} extra={t('settings.printer.openDrawerOnCashHint')}>
            <Switch id="printer-openDrawerOnCash" checked={p.openDrawerOnCash === true} onChange={(v) => set('printer.openDrawerOnCash', v, true)} />
          </Field>
        </Col>
        <Col span={10}>
          <Typography.Title level={5}>{t('settings.printer.status')}</Typography.Title>
          {status.data ? (
            <Descriptions size="small" column={1} bordered data-testid="printer-live-status"
              items={[
                { key: 'state', label: t('settings.printer.state'), children: <Badge status={BADGE[status.data.state]} text={t(`printer.state.${status.data.state}`)} /> },
                { key: 'detail', label: t('settings.printer.detail'), children: status.data.detail },
                { key: 'pending', label: t('settings.printer.pending'), children: status.data.pendingJobs },
                ...(status.data.unconfirmedJobs > 0
                  ? [{ key: 'unconfirmed', label: t('ui.job.status.unconfirmed'), children: status.data.unconfirmedJobs }]
                  : [])
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('ui.common.loading')}</Typography.Text>
          )}
          {dirty && <Typography.Paragraph type="secondary" className="mt8">{t('settings.printer.saveFirst')}</Typography.Paragraph>}
        </Col>
      </Row>
    </SectionCard>
  )
}
