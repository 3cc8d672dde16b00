import { useEffect, useRef, useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Form, Input, Select, type InputRef } from 'antd'
import type { SessionView } from '@shared/contract/auth'
import { ApiError, call } from '../api/client'
import { byPinyin } from '@shared/domain/pinyin'
import { Field } from '../ui/Field'
import { pinyinSearch } from '../ui/pinyinSearch'
import { useT } from './i18n'
import { errorText } from './session'

const LAST_USER = 'repairCounter.lastUser'

/** Whoever is signed in at this counter is preselected next time (sign-in and quick switch). */
export function rememberUser(username: string): void {
  localStorage.setItem(LAST_USER, username)
}

/** Pick a user, type the PIN, Enter. Used full-screen and in the quick-switch dialog. */
export function SignInForm({ onSignedIn, exclude }: { onSignedIn: (s: SessionView) => void; exclude?: string }): React.JSX.Element {
  const t = useT()
  const users = useQuery({ queryKey: ['auth.users'], queryFn: () => call('auth.users', {}) })
  const [username, setUsername] = useState<string | undefined>()
  const [pin, setPin] = useState('')
  const pinRef = useRef<InputRef>(null)
  // Listed by pinyin (李 before 王), found by pinyin initials: `wdz` -> 王店长.
  const options = byPinyin(users.data ?? [], (u) => u.displayName).map((u) => ({
    value: u.username,
    label: `${u.displayName}（${t(`role.${u.role}`)}）`,
    search: `${u.displayName} ${u.username}`
  }))

  // Start on the last person who used this counter, but never on the one being switched away from.
  const preselected = (() => {
    const list = users.data ?? []
    const last = localStorage.getItem(LAST_USER)
    return (list.find((u) => u.username === last && u.username !== exclude) ?? list.find((u) => u.username !== exclude) ?? list[0])?.username
  })()
  useEffect(() => {
    if (!username && preselected) setUsername(preselected)
  }, [preselected, username])
  // A fast PIN + Enter may come before the list of users has loaded: it is kept, not dropped.
  const chosen = username ?? preselected
  const [submitWhenReady, setSubmitWhenReady] = useState(false)

  const signIn = useMutation({
    mutationFn: () => call('auth.signIn', { username: chosen ?? '', pin }),
    onSuccess: (s) => {
      localStorage.setItem(LAST_USER, chosen ?? '')
      setPin('')
      onSignedIn(s)
    },
    onError: () => {
      setPin('')
      pinRef.current?.focus()
    }
  })
  useEffect(() => {
    if (submitWhenReady && chosen) {
      setSubmitWhenReady(false)
      signIn.mutate()
    }
  }, [submitWhenReady, chosen]) // eslint-disable-line react-hooks/exhaustive-deps
  const err = signIn.error
  const pinError = err instanceof ApiError ? err.fields.pin : undefined
  const topError = err && !pinError ? errorText(err, t) : undefined

  return (
    <Form layout="vertical" onFinish={() => pin && (chosen ? signIn.mutate() : setSubmitWhenReady(true))} requiredMark={false}>
      {topError && <Alert type="error" showIcon title={<span data-testid="signin-error">{topError}</span>} style={{ marginBottom: 12 }} />}
      <Field path="signin.user" label={t('ui.signIn.user')}>
        <Select
          id="signin-user"
          options={options}
          value={chosen}
          loading={users.isPending}
          showSearch={pinyinSearch}
          onChange={(v: string) => {
            setUsername(v)
            signIn.reset()
          }}
          // onSelect also fires when the same user is picked again: either way, on to the PIN.
          onSelect={() => setTimeout(() => pinRef.current?.focus())}
        />
      </Field>
      <Field path="signin.pin" label={t('ui.signIn.pin')} error={pinError}>
        <Input.Password
          id="signin-pin"
          ref={pinRef}
          autoFocus
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.normalize('NFKC').replace(/\D/g, ''))}
        />
      </Field>
      <Button type="primary" htmlType="submit" block loading={signIn.isPending} disabled={!pin} data-testid="signin-submit">
        {t('ui.signIn.submit')}
      </Button>
    </Form>
  )
}
