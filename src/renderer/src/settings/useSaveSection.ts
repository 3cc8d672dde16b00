import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import type { z } from 'zod'
import type { SettingsPatch } from '@shared/contract/settings'
import { ApiError, call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText, SESSION_KEY, SETTINGS_KEY } from '../app/session'
import { PRINTER_STATUS_KEY } from '../app/PrinterIndicator'
import { focusFirstError, type FieldErrors } from '../ui/validation'

/** settings.update with one section; main's field errors go back to the section's form. */
export function useSaveSection(onFieldErrors: (e: FieldErrors) => void) {
  const t = useT()
  const qc = useQueryClient()
  const { message } = App.useApp()
  return useMutation({
    mutationFn: (patch: z.input<typeof SettingsPatch>) => call('settings.update', patch),
    onSuccess: (s) => {
      qc.setQueryData(SETTINGS_KEY, s)
      void qc.invalidateQueries({ queryKey: SESSION_KEY })
      void qc.invalidateQueries({ queryKey: PRINTER_STATUS_KEY })
      message.success(t('settings.saved'))
    },
    onError: (e) => {
      message.error(errorText(e, t))
      if (e instanceof ApiError && e.fields) {
        onFieldErrors(e.fields)
        focusFirstError(Object.keys(e.fields))
      }
    }
  })
}
