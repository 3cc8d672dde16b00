import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { WarrantyCheckInput } from '@shared/contract/intake'
import { call } from '../api/client'
import { useDebounced } from '../ui/useDebounced'
import { typedDate, type IntakeForm } from './model'

/** Asks main for the 三包 verdict whenever something it depends on changes (debounced, last answer kept meanwhile). */
export function useWarrantyVerdict(f: IntakeForm) {
  const question = useDebounced(
    {
      category: f.device.category,
      component: f.warranty.component,
      serial: f.device.serial,
      invoiceDate: typedDate(f.purchase.invoiceDate),
      condition: f.condition
    },
    300
  )
  const parsed = WarrantyCheckInput.safeParse(question)
  return useQuery({
    queryKey: ['intake.checkWarranty', question],
    queryFn: () => call('intake.checkWarranty', question),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
    staleTime: 30_000
  })
}
