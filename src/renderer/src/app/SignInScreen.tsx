import { Card, Typography } from 'antd'
import { useT } from './i18n'
import { useApplySession } from './session'
import { SignInForm } from './SignInForm'

export function SignInScreen({ storeName }: { storeName: string }): React.JSX.Element {
  const t = useT()
  const apply = useApplySession()
  return (
    <div className="center-screen">
      <Card style={{ width: 380 }} title={storeName || t('ui.app.title')}>
        <Typography.Paragraph type="secondary">{t('ui.signIn.prompt')}</Typography.Paragraph>
        <SignInForm onSignedIn={apply} />
      </Card>
    </div>
  )
}
