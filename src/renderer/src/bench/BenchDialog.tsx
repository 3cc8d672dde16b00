import { useMutation } from '@tanstack/react-query'
import { App, Form, Input, Modal, Radio, Select } from 'antd'
import { z } from 'zod'
import { parseYuan } from '@shared/domain/money'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { DateInput } from '../ui/DateInput'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { fieldId, validate } from '../ui/validation'

/** A yuan amount typed as text ("120" or "120.50"): checked here, sent as fen. */
export const yuanText = z.string().refine((s) => parseYuan(s) !== null && (parseYuan(s) ?? -1) >= 0, 'v.money')
export const optionalYuanText = z.string().refine((s) => s.trim() === '' || (parseYuan(s) !== null && (parseYuan(s) ?? -1) >= 0), 'v.money')
export const fenOf = (s: string): number => (s.trim() === '' ? 0 : (parseYuan(s) ?? 0))

export interface DialogField {
  path: string
  label: string
  kind?: 'text' | 'textarea' | 'date' | 'money' | 'select' | 'yesNo'
  options?: { value: string; label: string }[]
  required?: boolean
}

/**
 * One bench action as a dialog: fields checked as typed (the contract's own schema where it fits),
 * main's per-field messages shown on their fields, any other refusal as a message.
 */
export function BenchDialog<T extends Record<string, string>>(props: {
  title: string
  initial: T
  schema: z.ZodType
  fields: DialogField[]
  send: (v: T) => Promise<unknown>
  onClose: () => void
  onDone: () => void
  testId: string
  intro?: React.ReactNode
}): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const form = useForm<T>(props.initial, (v) => validate(props.schema, v, t).errors, { schema: props.schema })
  const save = useMutation({
    mutationFn: () => props.send(form.values),
    onSuccess: () => {
      props.onDone()
      props.onClose()
    },
    onError: (e) => {
      if (!form.showServerErrors(e)) {
        message.error(errorText(e, t))
        props.onDone()
      }
    }
  })
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit(() => save.mutate())}
      confirmLoading={save.isPending}
      okButtonProps={{ id: `${props.testId}-ok`, 'data-testid': `${props.testId}-ok` } as never}
      data-testid={props.testId}
      destroyOnHidden
    >
      {props.intro}
      <Form layout="vertical" component="div">
        {props.fields.map((f) => (
          <Field key={f.path} path={f.path} label={f.label} error={form.error(f.path)} required={f.required}>
            {f.kind === 'date' ? (
              <DateInput id={fieldId(f.path)} value={form.values[f.path]} onChange={(v) => form.set(f.path, v)} status={form.error(f.path) ? 'error' : undefined} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={3} {...form.text(f.path)} />
            ) : f.kind === 'select' ? (
              <Select id={fieldId(f.path)} value={form.values[f.path] || undefined} options={f.options} onChange={(v: string) => form.set(f.path, v, true)} data-testid={`${props.testId}-${f.path}`} />
            ) : f.kind === 'yesNo' ? (
              <Radio.Group id={fieldId(f.path)} value={form.values[f.path]} onChange={(e) => form.set(f.path, e.target.value as string, true)} data-testid={`${props.testId}-${f.path}`}>
                <Radio value="yes">{t('bench.yes')}</Radio>
                <Radio value="no">{t('bench.no')}</Radio>
              </Radio.Group>
            ) : f.kind === 'money' ? (
              <Input {...form.text(f.path)} prefix="¥" inputMode="decimal" style={{ width: 180 }} />
            ) : (
              <Input {...form.text(f.path)} />
            )}
          </Field>
        ))}
      </Form>
    </Modal>
  )
}
