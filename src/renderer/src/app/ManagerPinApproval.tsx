import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { Button, Form, Input, Space, Tag } from 'antd'
import { CheckCircleOutlined } from '@ant-design/icons'
import type { ApprovalGrantView, ApprovalPurpose } from '@shared/contract/auth'
import { call } from '../api/client'
import { Field } from '../ui/Field'
import { fieldId } from '../ui/validation'
import { useT } from './i18n'
import { errorText, fieldsOf } from './session'

interface Props {
  purpose: ApprovalPurpose
  label: string
  grant: ApprovalGrantView | null
  onGrant: (grant: ApprovalGrantView | null) => void
  /** The action's own refusal of the approval (expired, spent): shown on the PIN, which is asked again. */
  error?: string
  testId: string
}

/**
 * A manager's user name + PIN for one action, checked as soon as it is typed (Enter or the button):
 * a wrong PIN is said at once, and the action itself then only spends the approval.
 */
export function ManagerPinApproval({ purpose, label, grant, onGrant, error, testId }: Props): React.JSX.Element {
  const t = useT()
  const [username, setUsername] = useState('')
  const [pin, setPin] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const approve = useMutation({
    mutationFn: () => call('auth.approve', { approval: { username, pin }, purpose }),
    onSuccess: (g) => {
      setErrors({})
      setPin('')
      onGrant(g)
    },
    onError: (e) => {
      const fields = fieldsOf(e)
      setErrors(Object.keys(fields).length ? fields : { 'approval.pin': errorText(e, t) })
    }
  })
  if (grant)
    return (
      <Space data-testid={`${testId}-granted`} style={{ display: 'flex', marginBottom: 12 }}>
        <Tag color="success" icon={<CheckCircleOutlined />}>
          {t('approval.approvedBy', { name: grant.approverName })}
        </Tag>
        <Button size="small" type="link" onClick={() => onGrant(null)} data-testid={`${testId}-change`}>
          {t('approval.change')}
        </Button>
      </Space>
    )
  const pinError = errors['approval.pin'] ?? error
  return (
    <Space align="start" wrap style={{ display: 'flex' }}>
      <Field path="approval.username" label={label} error={errors['approval.username']}>
        <Input
          id={fieldId('approval.username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          data-testid={`${testId}-user`}
          autoComplete="off"
        />
      </Field>
      <Field path="approval.pin" label="PIN" error={pinError}>
        <Input.Password
          id={fieldId('approval.pin')}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          onPressEnter={() => approve.mutate()}
          data-testid={`${testId}-pin`}
          autoComplete="off"
        />
      </Field>
      <Form.Item label=" ">
        <Button onClick={() => approve.mutate()} loading={approve.isPending} data-testid={`${testId}-check`}>
          {t('approval.check')}
        </Button>
      </Form.Item>
    </Space>
  )
}
