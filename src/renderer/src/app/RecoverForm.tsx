import { useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Form, Input, Select } from 'antd'
import type { RecoveryCodeView, SessionView } from '@shared/contract/auth'
import { ApiError, call } from '../api/client'
import { Field } from '../ui/Field'
import { useT } from './i18n'
import { errorText } from './session'

/** A manager who forgot the PIN or is kept locked: recovery code + new PIN, then signed in. */
export function RecoverForm({ onRecovered, onCancel }: { onRecovered: (s: SessionView & RecoveryCodeView) => void; onCancel: () => void }): React.JSX.Element {
  const t = useT()
  const users = useQuery({ queryKey: ['auth.users'], queryFn: () => call('auth.users', {}) })
  const managers = (users.data ?? []).filter((u) => u.role === 'manager')
  const [username, setUsername] = useState<string | undefined>()
  const [code, setCode] = useState('')
  const [pin, setPin] = useState('')
  const [pinConfirm, setPinConfirm] = useState('')
  const chosen = username ?? managers[0]?.username
  const recover = useMutation({ mutationFn: () => call('auth.recover', { username: chosen ?? '', recoveryCode: code, pin }), onSuccess: onRecovered })
  const fields = recover.error instanceof ApiError ? recover.error.fields : {}
  const mismatch = pinConfirm && pin !== pinConfirm ? t('v.pinMismatch') : undefined
  const topError = recover.error && !Object.keys(fields).length ? errorText(recover.error, t) : undefined

  return (
    <Form layout="vertical" onFinish={() => !mismatch && recover.mutate()} requiredMark={false}>
      {topError && <Alert type="error" showIcon title={topError} style={{ marginBottom: 12 }} />}
      <Field path="recover.username" label={t('role.manager')} error={fields.username}>
        <Select id="recover-username" value={chosen} onChange={setUsername} options={managers.map((u) => ({ value: u.username, label: u.displayName }))} />
      </Field>
      <Field path="recover.recoveryCode" label={t('auth.recovery.code')} error={fields.recoveryCode}>
        <Input id="recover-recoveryCode" autoComplete="off" placeholder="XXXX-XXXX-XXXX-XXXX" value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <Field path="recover.pin" label={t('auth.recovery.newPin')} error={fields.pin}>
        <Input.Password id="recover-pin" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
      </Field>
      <Field path="recover.pinConfirm" label={t('ui.user.pinConfirm')} error={mismatch}>
        <Input.Password id="recover-pinConfirm" inputMode="numeric" autoComplete="off" maxLength={8} value={pinConfirm} onChange={(e) => setPinConfirm(e.target.value)} />
      </Field>
      <Button type="primary" htmlType="submit" block loading={recover.isPending} disabled={!chosen || !code || !pin} data-testid="recover-submit">
        {t('auth.recovery.submit')}
      </Button>
      <Button type="link" block onClick={onCancel}>
        {t('auth.recovery.back')}
      </Button>
    </Form>
  )
}
