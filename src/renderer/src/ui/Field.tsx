import type { ReactNode } from 'react'
import { Form } from 'antd'
import { fieldId } from './validation'

interface FieldProps {
  /** Dotted contract path ("customer.mobile"); the input inside must use id={fieldId(path)}. */
  path: string
  label?: ReactNode
  error?: string
  warning?: string
  required?: boolean
  extra?: ReactNode
  children: ReactNode
  className?: string
}

/**
 * A labelled form row whose error/warning text has a stable id (`<input id>-error`) so people,
 * screen readers and e2e tests all find it next to its field.
 */
export function Field({ path, label, error, warning, required, extra, children, className }: FieldProps): React.JSX.Element {
  const id = fieldId(path)
  const help = error ? (
    <span id={`${id}-error`} data-testid={`${id}-error`} role="alert">
      {error}
    </span>
  ) : warning ? (
    <span id={`${id}-warning`} data-testid={`${id}-warning`}>
      {warning}
    </span>
  ) : undefined
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={error ? 'error' : warning ? 'warning' : undefined}
      help={help}
      extra={error ? undefined : extra}
      className={className}
    >
      {children}
    </Form.Item>
  )
}
