import { useMutation } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal } from 'antd'
import { stocktakeContract, type StocktakeView } from '@shared/contract/warehouse/stocktake'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { fieldId, validate } from '../ui/validation'

const ApproveInput = stocktakeContract['warehouse.stocktakes.approve'].input.omit({ stocktakeId: true })
const CancelInput = stocktakeContract['warehouse.stocktakes.cancel'].input.omit({ stocktakeId: true })

/** The manager types user name and PIN on this screen; the adjustment rows post on approval. */
export function ApproveDialog({ stocktake, onClose, onDone }: { stocktake: StocktakeView; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const form = useForm({ approval: { username: '', pin: '' } }, (v) => validate(ApproveInput, v, t).errors, { schema: ApproveInput })
  const approve = useMutation({
    mutationFn: () => call('warehouse.stocktakes.approve', { stocktakeId: stocktake.id, approval: form.values.approval }),
    onSuccess: () => {
      message.success(t('warehouse.ui.st.approved', { stNo: stocktake.stNo }))
      onDone()
      onClose()
    },
    onError: (e) => {
      form.set('approval.pin', '')
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
      onDone()
    }
  })
  return (
    <Modal
      open
      title={t('warehouse.ui.st.approveTitle', { stNo: stocktake.stNo })}
      onCancel={onClose}
      onOk={() => form.submit(() => approve.mutate())}
      okText={t('warehouse.ui.st.approve')}
      confirmLoading={approve.isPending}
      okButtonProps={{ id: 'st-approve-ok' }}
      data-testid="st-approve-dialog"
    >
      {stocktake.uncountedExpected > 0 && <Alert type="warning" showIcon message={t('warehouse.e.uncounted', { n: stocktake.uncountedExpected })} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Field path="approval.username" label={t('warehouse.ui.st.managerName')} error={form.error('approval.username')} required>
          <Input {...form.text('approval.username')} autoComplete="off" />
        </Field>
        <Field path="approval.pin" label={t('warehouse.ui.st.managerPin')} error={form.error('approval.pin')} required>
          <Input.Password {...form.text('approval.pin')} id={fieldId('approval.pin')} autoComplete="off" onPressEnter={() => form.submit(() => approve.mutate())} />
        </Field>
      </Form>
    </Modal>
  )
}

export function CancelDialog({ stocktake, onClose, onDone }: { stocktake: StocktakeView; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const form = useForm({ reason: '' }, (v) => validate(CancelInput, v, t).errors, { schema: CancelInput })
  const cancel = useMutation({
    mutationFn: () => call('warehouse.stocktakes.cancel', { stocktakeId: stocktake.id, reason: form.values.reason }),
    onSuccess: () => {
      onDone()
      onClose()
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) message.error(errorText(e, t))
    }
  })
  return (
    <Modal
      open
      title={t('warehouse.ui.st.cancelTitle', { stNo: stocktake.stNo })}
      onCancel={onClose}
      onOk={() => form.submit(() => cancel.mutate())}
      okButtonProps={{ danger: true, id: 'st-cancel-ok' }}
      confirmLoading={cancel.isPending}
    >
      <Form layout="vertical" component="div">
        <Field path="reason" label={t('warehouse.ui.st.cancelReason')} error={form.error('reason')} required>
          <Input {...form.text('reason')} />
        </Field>
      </Form>
    </Modal>
  )
}
