import { Alert, Button, Modal, Typography } from 'antd'
import { useT } from './i18n'

/**
 * The manager recovery code, shown the one time it exists in clear (setup, renewal, after a
 * recovery). It cannot be dismissed by a stray click: only "I have written it down" closes it.
 */
export function RecoveryCodeNotice({ code, intro, onDone }: { code: string | null; intro?: string; onDone: () => void }): React.JSX.Element {
  const t = useT()
  return (
    <Modal
      open={code !== null}
      title={t('auth.recovery.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onDone} data-testid="recovery-code-done">
          {t('auth.recovery.saved')}
        </Button>
      }
    >
      {intro && <Typography.Paragraph>{intro}</Typography.Paragraph>}
      <Typography.Paragraph>{t('auth.recovery.shownOnce')}</Typography.Paragraph>
      <Alert
        type="warning"
        title={
          <Typography.Text copyable strong className="recovery-code" data-testid="recovery-code">
            {code}
          </Typography.Text>
        }
      />
    </Modal>
  )
}
