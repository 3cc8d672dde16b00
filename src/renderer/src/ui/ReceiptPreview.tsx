import type { CSSProperties } from 'react'
import type { ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'
import { useT } from '../app/i18n'

/** Paper columns at the printer's width (Font A), so the preview wraps where the printer will. */
const COLUMNS: Record<58 | 80, number> = { 58: 32, 80: 48 }

/**
 * The receipt exactly as main will print it: rendered from the same ReceiptDoc the ESC/POS and PDF
 * renderers use. QR codes and barcodes are drawn as labelled boxes carrying their data.
 */
export function ReceiptPreview({ doc, widthMm = 80, testId }: { doc: ReceiptDoc; widthMm?: 58 | 80; testId?: string }): React.JSX.Element {
  const style = { '--receipt-cols': COLUMNS[widthMm] } as CSSProperties
  return (
    <div className="receipt-paper" style={style} data-testid={testId} aria-label={doc.title} role="document">
      {doc.reprintNo > 0 && (
        <div className="receipt-reprint" data-testid={testId ? `${testId}-reprint` : undefined}>
          {doc.reprintLabel}
        </div>
      )}
      {doc.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
      {doc.cut && <div className="receipt-cut" aria-hidden />}
    </div>
  )
}

function Block({ block: b }: { block: ReceiptBlock }): React.JSX.Element {
  const t = useT()
  switch (b.kind) {
    case 'text':
      return (
        <div className={`receipt-text${b.bold ? ' bold' : ''}${b.large ? ' large' : ''}`} style={{ textAlign: b.align ?? 'left' }}>
          {b.text}
        </div>
      )
    case 'pair':
      return (
        <div className={`receipt-pair${b.bold ? ' bold' : ''}`}>
          <span className="receipt-pair-label">{b.label}</span>
          <span className="receipt-pair-value">{b.value}</span>
        </div>
      )
    case 'table': {
      const columns = b.columns.map((c) => `${c.weight}fr`).join(' ')
      const cell = (text: string, j: number, head = false) => (
        <span key={j} className={head ? 'bold' : undefined} style={{ textAlign: b.columns[j]?.align ?? 'left' }}>
          {text}
        </span>
      )
      return (
        <div className="receipt-table" style={{ gridTemplateColumns: columns }}>
          {b.header?.map((h, j) => cell(h, j, true))}
          {b.rows.flatMap((row) => row.map((c, j) => cell(c, j)))}
        </div>
      )
    }
    case 'rule':
      return <div className={`receipt-rule ${b.style ?? 'single'}`} aria-hidden />
    case 'qr':
      return (
        <div className="receipt-code">
          <div className="receipt-qr" title={b.data}>
            <span className="receipt-code-kind">{t('ui.receipt.qr')}</span>
            <span className="receipt-code-data">{b.data}</span>
          </div>
          {b.caption && <div className="receipt-text" style={{ textAlign: 'center' }}>{b.caption}</div>}
        </div>
      )
    case 'barcode':
      return (
        <div className="receipt-code">
          <div className="receipt-barcode" title={b.data} aria-label={t('ui.receipt.barcode')} />
          <div className="receipt-code-data">{b.data}</div>
        </div>
      )
    case 'feed':
      return <div style={{ height: `${b.lines * 1.4}em` }} aria-hidden />
  }
}
