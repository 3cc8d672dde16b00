import { useState, type KeyboardEvent } from 'react'
import { Card, Input, Select, Tag } from 'antd'
import type { StoreSettings } from '@shared/contract/settings'
import { useT } from '../app/i18n'
import { faultOptions } from '../ui/catalogue'
import { Field } from '../ui/Field'
import { pinyinSearch } from '../ui/pinyinSearch'
import type { FormApi } from '../ui/useForm'
import type { IntakeForm } from './model'

/** Digits 1–9 pick the first nine fault codes: the typical faults are one key each. */
const HOTKEYS = 9

export function FaultCard({ form, settings }: { form: FormApi<IntakeForm>; settings: StoreSettings }): React.JSX.Element {
  const t = useT()
  const { values, text, error, set } = form
  const options = faultOptions(settings, t)
  const codes = values.fault.codes
  // Close the list once a code is picked: an open multi-select list turns Tab into "toggle this
  // option" and traps the clerk in the field.
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const toggle = (code: string) => set('fault.codes', codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code], true)
  const onKeyDown = (e: KeyboardEvent) => {
    if (search || e.ctrlKey || e.altKey || e.metaKey || !/^[1-9]$/.test(e.key)) return
    const option = options[+e.key - 1]
    if (!option || +e.key > HOTKEYS) return
    e.preventDefault()
    e.stopPropagation()
    toggle(option.value)
    // The key may have opened the list: closed, Tab leaves the field instead of toggling an option.
    setTimeout(() => setOpen(false))
  }

  return (
    <Card size="small" title={t('ui.intake.fault.title')} className="intake-card">
      <Field path="fault.codes" label={t('ui.intake.fault.codes')} error={error('fault.codes')}>
        <div
          onKeyDownCapture={(e) => {
            // Nothing typed: Tab leaves the field. (An open list would otherwise take Tab as "pick".)
            if (e.key === 'Tab' && !search) {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
        <Select
          id="fault-codes"
          mode="multiple"
          // No clear button: it would be one more Tab stop; Backspace removes the last code.
          open={open}
          onOpenChange={setOpen}
          onSelect={() => {
            setOpen(false)
            setSearch('')
          }}
          onKeyDown={onKeyDown}
          value={codes}
          options={options}
          showSearch={{ ...pinyinSearch, searchValue: search, onSearch: setSearch }}
          onChange={(next: string[]) => set('fault.codes', next, true)}
          placeholder={t('ui.intake.fault.codesHint')}
        />
        </div>
      </Field>
      <div className="quick-faults" data-testid="quick-faults" title={t('ui.intake.fault.hotkeys')}>
        {options.slice(0, HOTKEYS).map((o, i) => (
          // Plain tags, not CheckableTag: that one is a Tab stop each, and the digits already pick.
          <Tag
            key={o.value}
            color={codes.includes(o.value) ? 'blue' : undefined}
            role="checkbox"
            aria-checked={codes.includes(o.value)}
            onClick={() => toggle(o.value)}
            data-testid={`quick-fault-${o.value}`}
          >
            <kbd>{i + 1}</kbd>
            {o.label}
          </Tag>
        ))}
      </div>
      <Field path="fault.description" label={t('ui.intake.fault.description')} error={error('fault.description')} required>
        <Input.TextArea {...text('fault.description')} autoSize={{ minRows: 3, maxRows: 6 }} />
      </Field>
    </Card>
  )
}
