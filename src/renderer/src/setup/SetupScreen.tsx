import { useCallback, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Col, Form, Row, Typography } from 'antd'
import { SetupInput, type RecoveryCodeView, type SessionView } from '@shared/contract/auth'
import { localeFrom, translator, type Locale } from '@shared/i18n'
import { DEFAULT_TIME_ZONE } from '@shared/domain/dates'
import { call } from '../api/client'
import { LocaleProvider } from '../app/i18n'
import { RecoveryCodeNotice } from '../app/RecoveryCodeNotice'
import { errorText, SESSION_KEY } from '../app/session'
import { useForm } from '../ui/useForm'
import { validate, type FieldErrors } from '../ui/validation'
import { ManagerFields, StoreFields } from './SetupFields'

export interface SetupForm {
  store: { name: string; address: string; phone: string; receiptFooter: string }
  timeZone: string
  locale: Locale
  manager: { username: string; displayName: string; pin: string; pinConfirm: string }
}

const initial = (): SetupForm => ({
  store: { name: '', address: '', phone: '', receiptFooter: '' },
  timeZone: DEFAULT_TIME_ZONE,
  locale: localeFrom(navigator.language),
  manager: { username: '', displayName: '', pin: '', pinConfirm: '' }
})

function toInput(f: SetupForm) {
  const { pinConfirm: _confirm, ...manager } = f.manager
  return { store: f.store, timeZone: f.timeZone, locale: f.locale, manager }
}

/** First run: the store and its first manager. Shown in the language being chosen. */
export function SetupScreen(): React.JSX.Element {
  const [locale, setLocale] = useState<Locale>(() => localeFrom(navigator.language))
  return (
    <LocaleProvider locale={locale}>
      <SetupBody onLocale={setLocale} />
    </LocaleProvider>
  )
}

function SetupBody({ onLocale }: { onLocale: (l: Locale) => void }): React.JSX.Element {
  const qc = useQueryClient()
  const check = useCallback((f: SetupForm): FieldErrors => {
    const t = translator(f.locale)
    const errors = validate(SetupInput, toInput(f), t).errors
    if (f.manager.pinConfirm !== f.manager.pin) errors['manager.pinConfirm'] = t('v.pinMismatch')
    return errors
  }, [])
  const form = useForm<SetupForm>(initial, check, { schema: SetupInput })
  const [created, setCreated] = useState<(SessionView & RecoveryCodeView) | null>(null)
  const t = translator(form.values.locale)
  const create = useMutation({
    mutationFn: () => call('setup.create', SetupInput.parse(toInput(form.values))),
    // The recovery code is shown once, before the app opens; the session is cached without it.
    onSuccess: (session) => setCreated(session),
    onError: (e) => void form.showServerErrors(e)
  })

  const submit = () => form.submit(() => create.mutate())

  return (
    <div className="setup-screen">
      <Card style={{ width: 760 }} title={t('ui.setup.title')}>
        <Typography.Paragraph type="secondary">{t('ui.setup.intro')}</Typography.Paragraph>
        {create.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={<span data-testid="setup-error">{errorText(create.error, t)}</span>} />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark>
          <Row gutter={24}>
            <Col span={13}>
              <StoreFields
                form={form}
                onLocale={(l) => {
                  form.set('locale', l, true)
                  onLocale(l)
                }}
              />
            </Col>
            <Col span={11}>
              <ManagerFields form={form} />
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="setup-submit" block>
            {t('ui.setup.submit')}
          </Button>
        </Form>
      </Card>
      <RecoveryCodeNotice
        code={created?.recoveryCode ?? null}
        onDone={() => {
          if (!created) return
          const { recoveryCode: _shown, ...session } = created
          qc.setQueryData(SESSION_KEY, session)
        }}
      />
    </div>
  )
}
