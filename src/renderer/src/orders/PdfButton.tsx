import { useMutation } from '@tanstack/react-query'
import { App, Button } from 'antd'
import { FilePdfOutlined } from '@ant-design/icons'
import { call } from '../api/client'
import { useT } from '../app/i18n'
import { errorText } from '../app/session'
import { downloadFile } from '../ui/download'

/** A4 copy of the claim ticket: downloaded here, and main keeps one under its data folder too. */
export function PdfButton({ orderId, onSaved }: { orderId: number; onSaved: (path: string) => void }): React.JSX.Element {
  const t = useT()
  const { message } = App.useApp()
  const pdf = useMutation({
    mutationFn: () => call('printing.ticketPdf', { orderId }),
    onSuccess: (r) => {
      downloadFile(r)
      onSaved(r.path)
    },
    onError: (e) => message.error(errorText(e, t))
  })
  return (
    <Button size="small" icon={<FilePdfOutlined />} onClick={() => pdf.mutate()} loading={pdf.isPending} data-testid="save-pdf">
      {t('ui.job.savePdf')}
    </Button>
  )
}
