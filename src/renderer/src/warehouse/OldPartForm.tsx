import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, AutoComplete, Button, Form, Input, Select, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { OldPartCreateInput } from '@shared/contract/warehouse/old-parts'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { fieldId, validate } from '../ui/validation'

interface OldPartFormValues {
  orderNo: string
  technicianId: number | null
  partText: string
  faultSymptom: string
  faultCode: string
}

const EMPTY: OldPartFormValues = { orderNo: '', technicianId: null, partText: '', faultSymptom: '', faultCode: '' }

/**
 * 登记旧件: the work order number is typed or scanned from the device tag (Enter looks it up),
 * the technician defaults to the order's; saving queues the label on the receipt printer.
 */
export function OldPartForm(): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const [lookup, setLookup] = useState('')
  const form = useForm<OldPartFormValues>(EMPTY, (v) => validate(OldPartCreateInput, v, t).errors, { schema: OldPartCreateInput })
  const { values, set, text, error } = form
  const info = useQuery({
    queryKey: ['warehouse.oldParts.orderInfo', lookup],
    queryFn: () => call('warehouse.oldParts.orderInfo', { orderNo: lookup }),
    enabled: lookup !== '',
    retry: false
  })
  const technicianId = values.technicianId ?? info.data?.technicianId ?? null
  const save = useMutation({
    mutationFn: () => call('warehouse.oldParts.create', { ...values, technicianId }),
    onSuccess: (r) => {
      message.success(t('warehouse.ui.op.saved', { opNo: r.oldPart.opNo }))
      void qc.invalidateQueries({ queryKey: ['warehouse.oldParts.list'] })
      void qc.invalidateQueries({ queryKey: ['warehouse.oldParts.orderInfo'] })
      form.reset({ ...EMPTY, orderNo: values.orderNo })
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
    }
  })
  const orderError = error('orderNo') ?? (info.isError ? errorText(info.error, t) : undefined)

  return (
    <Form layout="vertical" component="div" data-testid="old-part-form">
      <Field path="orderNo" label={t('warehouse.op.orderNo')} error={orderError} required>
        <Input
          {...text('orderNo')}
          placeholder={t('warehouse.ui.op.orderHint')}
          onPressEnter={() => setLookup(values.orderNo.trim().toUpperCase())}
          onBlur={() => values.orderNo.trim() && setLookup(values.orderNo.trim().toUpperCase())}
        />
      </Field>
      {info.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="old-part-order"
          message={`${info.data.orderNo} · ${info.data.deviceLabel}`}
          description={
            <>
              <div>{info.data.faultDescription}</div>
              {info.data.oldParts.length > 0 && (
                <Typography.Text type="secondary">{t('warehouse.ui.op.already', { list: info.data.oldParts.map((p) => p.opNo).join('、') })}</Typography.Text>
              )}
            </>
          }
        />
      )}
      <Field path="technicianId" label={t('warehouse.op.technician')} error={error('technicianId')} required>
        <Select
          id={fieldId('technicianId')}
          value={technicianId ?? undefined}
          onChange={(v: number) => set('technicianId', v, true)}
          options={(info.data?.technicians ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          placeholder={t('warehouse.ui.op.technicianHint')}
        />
      </Field>
      <Field path="partText" label={t('warehouse.op.part')} error={error('partText')} required>
        <Input {...text('partText')} placeholder={t('warehouse.ui.op.partHint')} />
      </Field>
      <Field path="faultCode" label={t('warehouse.op.faultCode')} error={error('faultCode')} required>
        <AutoComplete
          id={fieldId('faultCode')}
          value={values.faultCode}
          options={(info.data?.faultCodes ?? []).map((c) => ({ value: c }))}
          onChange={(v: string) => set('faultCode', v)}
          status={error('faultCode') ? 'error' : undefined}
        />
      </Field>
      <Field path="faultSymptom" label={t('warehouse.op.symptom')} error={error('faultSymptom')} required>
        <Input.TextArea {...text('faultSymptom')} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Field>
      <Button type="primary" icon={<PrinterOutlined />} loading={save.isPending} onClick={() => form.submit(() => save.mutate())} data-testid="old-part-save">
        {t('warehouse.ui.op.save')}
      </Button>
    </Form>
  )
}
