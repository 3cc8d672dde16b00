import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Select, Switch, type ButtonProps } from 'antd'
import { CreateUserInput, UpdateUserInput, type UserView } from '@shared/contract/auth'
import { ROLES, type Role } from '@shared/contract'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { Field } from '../ui/Field'
import { useForm } from '../ui/useForm'
import { validate, type FieldErrors } from '../ui/validation'
import type { Translate } from '@shared/i18n'

interface UserForm {
  username: string
  displayName: string
  role: Role
  active: boolean
  pin: string
  pinConfirm: string
}

function toInput(f: UserForm, user: UserView | null) {
  if (!user) return { username: f.username, displayName: f.displayName, role: f.role, pin: f.pin }
  // Only what changed; an empty PIN means "keep the current one".
  return {
    id: user.id,
    ...(f.displayName !== user.displayName ? { displayName: f.displayName } : {}),
    ...(f.role !== user.role ? { role: f.role } : {}),
    ...(f.active !== user.active ? { active: f.active } : {}),
    ...(f.pin ? { pin: f.pin } : {})
  }
}

function check(f: UserForm, user: UserView | null, t: Translate): FieldErrors {
  const errors = user ? validate(UpdateUserInput, toInput(f, user), t).errors : validate(CreateUserInput, toInput(f, null), t).errors
  if (f.pin !== f.pinConfirm) errors.pinConfirm = t('v.pinMismatch')
  return errors
}

/** Add a user, or change one: name, role, active, and reset a forgotten PIN. */
export function UserDialog({ user, onClose }: { user: UserView | null; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  const form = useForm<UserForm>(
    { username: user?.username ?? '', displayName: user?.displayName ?? '', role: user?.role ?? 'counter', active: user?.active ?? true, pin: '', pinConfirm: '' },
    (f) => check(f, user, t),
    { schema: user ? UpdateUserInput : CreateUserInput }
  )
  const { text, error, values, set } = form
  const mutation = useMutation({
    mutationFn: () => {
      const input = toInput(values, user)
      return 'id' in input ? call('users.update', input) : call('users.create', input)
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users.list'] })
      void qc.invalidateQueries({ queryKey: ['auth.users'] })
      void qc.invalidateQueries({ queryKey: ['intake.technicians'] })
      message.success(t('settings.saved'))
      onClose()
    },
    onError: (e) => void form.showServerErrors(e)
  })
  const submit = () => form.submit(() => mutation.mutate())
  const digits = (path: 'pin' | 'pinConfirm') => ({
    ...text(path),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(path, e.target.value.normalize('NFKC').replace(/\D/g, ''))
  })
  const showTop = mutation.isError && !(mutation.error instanceof ApiError && mutation.error.fields && Object.keys(mutation.error.fields).length)

  return (
    <Modal
      open
      title={user ? t('settings.users.edit', { name: user.displayName }) : t('settings.users.add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('settings.save')}
      cancelText={t('ui.common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'user-save' } as ButtonProps}
      width={440}
    >
      {showTop && <Alert type="error" showIcon className="mb8" title={errorText(mutation.error, t)} />}
      <Form layout="vertical" onFinish={submit} component="form">
        <Field path="username" label={t('ui.user.username')} error={error('username')} required extra={user ? undefined : t('ui.user.usernameHint')}>
          <Input {...text('username')} disabled={!!user} autoFocus={!user} autoComplete="off" />
        </Field>
        <Field path="displayName" label={t('ui.user.displayName')} error={error('displayName')} required>
          <Input {...text('displayName')} autoFocus={!!user} />
        </Field>
        <Field path="role" label={t('ui.user.role')} error={error('role')}>
          <Select id="role" value={values.role} onChange={(v: Role) => set('role', v, true)} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Field>
        {user && (
          <Field path="active" label={t('ui.user.active')} error={error('active')}>
            <Switch id="active" checked={values.active} onChange={(v) => set('active', v, true)} />
          </Field>
        )}
        <Field path="pin" label={user ? t('settings.users.resetPin') : t('ui.user.pin')} error={error('pin')} required={!user} extra={user ? t('settings.users.resetPinHint') : t('ui.user.pinHint')}>
          <Input.Password {...digits('pin')} inputMode="numeric" autoComplete="new-password" />
        </Field>
        <Field path="pinConfirm" label={t('ui.user.pinConfirm')} error={error('pinConfirm')} required={!user || !!values.pin}>
          <Input.Password {...digits('pinConfirm')} inputMode="numeric" autoComplete="new-password" />
        </Field>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
