import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Button, Input } from 'antd'
import type { IntakeWarning, WarningCode } from '@shared/contract/intake'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { Field } from '../ui/Field'
import { useDebounced } from '../ui/useDebounced'
import type { FormApi } from '../ui/useForm'
import { toIntakeInput, type IntakeForm } from './model'

/**
 * The contradictions main sees in the form as it stands (the same rule it applies on save). Only
 * what the rule reads is sent, so typing a name or a reason does not ask again. `settled`: the
 * answer is for the form as it is now — not while the question waits out its debounce (the answer
 * shown is then for an older form, e.g. before the device was picked) nor while it is being asked.
 */
export function useIntakeWarnings(f: IntakeForm) {
  const input = toIntakeInput(f)
  const asked = {
    device: { category: input.device.category, serial: input.device.serial },
    purchase: { invoiceDate: input.purchase.invoiceDate ?? null },
    condition: input.condition,
    warranty: input.warranty,
    service: input.service
  }
  const question = useDebounced(asked, 300)
  const query = useQuery({
    queryKey: ['intake.warnings', question],
    queryFn: () => call('intake.warnings', question),
    placeholderData: keepPreviousData,
    staleTime: 5_000
  })
  const settled = JSON.stringify(asked) === JSON.stringify(question) && !query.isFetching && !query.isPlaceholderData
  return { query, settled }
}

/**
 * Warnings to show: main's live answer, plus any main refused a save for, plus — while a fresh
 * answer is on its way — any the clerk is typing a reason for (the field never vanishes mid-word).
 */
export function shownWarnings(
  live: IntakeWarning[] | undefined,
  serverErrors: Record<string, string>,
  reasons: IntakeForm['warningReasons'],
  settled: boolean
): IntakeWarning[] {
  const list = [...(live ?? [])]
  const add = (code: WarningCode) => {
    if (!list.some((w) => w.code === code)) list.push({ code })
  }
  for (const path of Object.keys(serverErrors)) {
    const code = /^warnings\.(\w+)$/.exec(path)?.[1] as WarningCode | undefined
    if (code) add(code)
  }
  if (!settled) for (const [code, reason] of Object.entries(reasons)) if (reason) add(code as WarningCode)
  return list
}

interface Props {
  form: FormApi<IntakeForm>
  warnings: IntakeWarning[]
  onOpenOrder: (orderId: number) => void
}

/**
 * Shown above the save button while the form contradicts itself or another order: each warning
 * can be saved anyway, with a reason (audited in main). Nothing here blocks typing.
 */
export function WarningsPanel({ form, warnings, onOpenOrder }: Props): React.JSX.Element | null {
  const t = useT()
  if (!warnings.length) return null
  return (
    <Alert
      type="warning"
      showIcon
      className="warnings-panel"
      data-testid="warnings-panel"
      title={t('ui.intake.warnings.title')}
      description={warnings.map((w) => {
        const path = `warnings.${w.code}`
        return (
          <div key={w.code} data-testid={`warning-${w.code}`}>
            <div>
              {t(`intake.warning.${w.code}`, { orderNo: w.orderNo ?? '' })}
              {w.orderId && (
                <Button type="link" size="small" onClick={() => onOpenOrder(w.orderId!)} data-testid={`warning-${w.code}-open`}>
                  {t('ui.intake.warnings.open', { orderNo: w.orderNo ?? '' })}
                </Button>
              )}
            </div>
            <Field path={path} label={t('ui.intake.warnings.reason')} error={form.error(path)} required>
              <Input
                id={`warnings-${w.code}`}
                value={form.values.warningReasons[w.code] ?? ''}
                placeholder={t('ui.intake.warnings.reasonHint')}
                status={form.error(path) ? 'error' : undefined}
                onChange={(e) => form.set(`warningReasons.${w.code}`, e.target.value, false, path)}
              />
            </Field>
          </div>
        )
      })}
    />
  )
}
