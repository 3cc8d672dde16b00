import { useState } from 'react'
import { Button, Card, Typography } from 'antd'
import type { RecoveryCodeView, SessionView } from '@shared/contract/auth'
import { useT } from './i18n'
import { RecoverForm } from './RecoverForm'
import { RecoveryCodeNotice } from './RecoveryCodeNotice'
import { useApplySession } from './session'
import { SignInForm } from './SignInForm'

export function SignInScreen({ storeName }: { storeName: string }): React.JSX.Element {
  const t = useT()
  const apply = useApplySession()
  const [recovering, setRecovering] = useState(false)
  // After a recovery the used code is void: show the new one before entering the app.
  const [recovered, setRecovered] = useState<(SessionView & RecoveryCodeView) | null>(null)
  return (
    <div className="center-screen">
      <Card style={{ width: 380 }} title={storeName || t('ui.app.title')}>
        {recovering ? (
          <RecoverForm onRecovered={setRecovered} onCancel={() => setRecovering(false)} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('ui.signIn.prompt')}</Typography.Paragraph>
            <SignInForm onSignedIn={apply} />
            <Button type="link" block onClick={() => setRecovering(true)} data-testid="recover-open" style={{ marginTop: 8 }}>
              {t('auth.recovery.link')}
            </Button>
          </>
        )}
      </Card>
      <RecoveryCodeNotice
        code={recovered?.recoveryCode ?? null}
        intro={t('auth.recovery.usedNew')}
        onDone={() => {
          if (!recovered) return
          const { recoveryCode: _shown, ...session } = recovered
          apply(session)
        }}
      />
    </div>
  )
}
