import { useState } from 'react'
import { Button, Input, type InputProps } from 'antd'
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons'

/**
 * A masked field (device passcode): dots on screen, shown on demand by the eye, which is not a Tab
 * stop (antd's Password makes its eye one). Never remembered by the browser.
 */
export function PasscodeInput(props: Omit<InputProps, 'type' | 'suffix'>): React.JSX.Element {
  const [shown, setShown] = useState(false)
  return (
    <Input
      {...props}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      suffix={
        <Button
          type="text"
          size="small"
          tabIndex={-1}
          aria-pressed={shown}
          icon={shown ? <EyeOutlined /> : <EyeInvisibleOutlined />}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setShown((s) => !s)}
        />
      }
    />
  )
}
