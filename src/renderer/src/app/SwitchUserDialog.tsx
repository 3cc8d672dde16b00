import { App, Modal } from 'antd'
import { SignInForm } from './SignInForm'
import { useT } from './i18n'
import { useApplySession } from './session'
import { focusTaskStart } from '../ui/keyboard'

/** 快速换人: the next clerk signs in over the current screen; what was on it stays. */
export function SwitchUserDialog({ open, current, onClose }: { open: boolean; current?: string; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const apply = useApplySession()
  const { message } = App.useApp()
  return (
    <Modal
      open={open}
      title={t('ui.user.switch')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={400}
      // Not back to the 快速换人 button: the next clerk's keys belong in the task's first field.
      focusTriggerAfterClose={false}
      afterClose={() => focusTaskStart()}
    >
      <SignInForm
        exclude={current}
        onSignedIn={(s) => {
          apply(s)
          onClose()
          message.success(t('ui.user.switched', { name: s.user?.displayName ?? '' }))
        }}
      />
    </Modal>
  )
}
