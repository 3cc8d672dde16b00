import { Typography } from 'antd'

/** A field's message where a Form row does not fit (a table cell, an inline setting): under the input. */
export function FieldMessage({ text, testId }: { text?: string | null; testId: string }): React.JSX.Element | null {
  return text ? (
    <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }} data-testid={testId}>
      {text}
    </Typography.Text>
  ) : null
}
