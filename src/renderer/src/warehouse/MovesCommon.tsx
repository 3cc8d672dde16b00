import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { App, AutoComplete, Input, Space, Tag } from 'antd'
import type { Channel, Role } from '@shared/contract'
import type { PartDetail } from '@shared/contract/warehouse/catalogue'
import type { StockLocation } from '@shared/contract/warehouse/common'
import { call } from '../api/client'
import { canCall } from '../app/access'
import { useT } from '../app/i18n'
import { errorText, useSession } from '../app/session'
import { Field } from '../ui/Field'
import { useDebounced } from '../ui/useDebounced'
import { fieldId } from '../ui/validation'

/** Shared bits of the movement screens (receipts, requisitions, adjustments, the order's parts). */

export function useRole(): Role | undefined {
  return useSession().data?.user?.role
}

export function useCan(channel: Channel): boolean {
  return canCall(useRole(), channel)
}

export function LocationTag({ location }: { location: StockLocation }): React.JSX.Element {
  const t = useT()
  return <Tag color={location === 'quarantine' ? 'orange' : 'default'}>{t(`warehouse.location.${location}`)}</Tag>
}

/**
 * Part search as you type (SKU, name, model), or a scan: a keyboard-wedge scanner types the
 * barcode + Enter, which looks the code up exactly (warehouse.parts.byCode) and picks that part.
 */
export function PartPicker({
  onPick,
  testId,
  placeholder,
  autoFocus,
  id
}: {
  onPick: (detail: PartDetail) => void
  testId: string
  placeholder?: string
  autoFocus?: boolean
  id?: string
}): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const [text, setText] = useState('')
  const settled = useDebounced(text.trim(), 250)
  const hits = useQuery({
    queryKey: ['warehouse.parts.search', settled],
    queryFn: () => call('warehouse.parts.search', { text: settled }),
    enabled: settled.length > 0
  })
  const pick = async (load: () => Promise<PartDetail | null>, code: string) => {
    try {
      const detail = await load()
      if (!detail) {
        message.warning(t('warehouse.receipt.unknownCode', { code }))
        return
      }
      setText('')
      onPick(detail)
    } catch (e) {
      message.error(errorText(e, t))
    }
  }
  return (
    <AutoComplete
      value={text}
      onChange={setText}
      defaultActiveFirstOption={false}
      options={(settled ? (hits.data?.parts ?? []) : []).map((p) => ({
        value: String(p.id),
        label: (
          <Space data-testid={`${testId}-hit-${p.sku}`}>
            <b>{p.sku}</b>
            {p.name}
            <span style={{ color: '#888' }}>{p.spec}</span>
            <Tag>{p.mainQty}</Tag>
          </Space>
        )
      }))}
      onSelect={(value: string) => void pick(() => call('warehouse.parts.get', { partId: Number(value) }), value)}
      style={{ width: '100%' }}
    >
      <Input
        id={id}
        data-testid={testId}
        autoFocus={autoFocus}
        placeholder={placeholder ?? t('warehouse.req.partSearch')}
        onPressEnter={(e) => {
          const code = (e.target as HTMLInputElement).value.trim()
          if (code) void pick(() => call('warehouse.parts.byCode', { code }), code)
        }}
      />
    </AutoComplete>
  )
}

export interface ApprovalValue {
  username: string
  pin: string
}
export const NO_APPROVAL: ApprovalValue = { username: '', pin: '' }

/** A manager's user name + PIN typed on this screen (main checks it and counts wrong PINs). */
export function ApprovalFields({
  value,
  onChange,
  errors
}: {
  value: ApprovalValue
  onChange: (v: ApprovalValue) => void
  errors: Record<string, string | undefined>
}): React.JSX.Element {
  const t = useT()
  return (
    <Space align="start" wrap>
      <Field path="approval.username" label={t('warehouse.approval.username')} error={errors['approval.username']} required>
        <Input id={fieldId('approval.username')} value={value.username} autoComplete="off" onChange={(e) => onChange({ ...value, username: e.target.value })} />
      </Field>
      <Field path="approval.pin" label={t('warehouse.approval.pin')} error={errors['approval.pin']} required>
        <Input.Password id={fieldId('approval.pin')} value={value.pin} autoComplete="off" onChange={(e) => onChange({ ...value, pin: e.target.value })} />
      </Field>
    </Space>
  )
}
