/**
 * Test helper: decodes the printer bytes our renderer emits back into what would come out on paper.
 *
 *   const r = decodeEscPos(printer.jobs[0])
 *   r.text        // all printed lines joined with "\n"
 *   r.lines       // printed lines (ESC d n feeds give empty lines)
 *   r.styled      // the same lines with bold / large / alignment (true if any part of the line was)
 *   r.qr          // payloads of printed QR codes, r.barcodes: CODE128 data, r.cuts: number of cuts
 *   r.drawerKicks // ESC p pulses sent to the cash drawer connector
 *
 * Text is decoded as GB18030 while Chinese mode (FS &) is on, else as code page 437. The renderer
 * sends "¥" as the full-width "￥" (GB2312 A3A4, printable by every Chinese printer), so decoded
 * Chinese-mode amounts read "￥12.50"; use `yen()` to compare with formatMoney().
 * Unknown command bytes throw, so a test notices anything unexpected in the stream.
 * Star Line Mode output (printer type "star") is decoded with `decodePrinterBytes(b, { type: 'star' })`.
 */
import { Decoder } from './escpos-decoder'

export type Align = 'left' | 'center' | 'right'
export interface DecodedLine {
  text: string
  bold: boolean
  large: boolean
  align: Align
}
export interface DecodedReceipt {
  text: string
  lines: string[]
  styled: DecodedLine[]
  qr: string[]
  barcodes: string[]
  cuts: number
  drawerKicks: { pin: 2 | 5; onMs: number; offMs: number }[]
  /** Chinese mode (FS &) was switched on and is on at the end. */
  chineseMode: boolean
}
export interface DecodeOptions {
  type?: 'epson' | 'star'
  /** Star Line Mode has no FS &: whether text is GB18030. Default true. */
  chinese?: boolean
}

/** "¥12.50" as the Chinese-mode printer receives it. */
export const yen = (money: string) => money.replace(/¥/g, '￥')

/** Columns a decoded line takes on paper: in Chinese mode every non-ASCII character is full width. */
export function printedWidth(line: string, chineseMode = true): number {
  let w = 0
  for (const ch of line) w += chineseMode && (ch.codePointAt(0) ?? 0) > 0x7f ? 2 : 1
  return w
}

export function decodeEscPos(bytes: Buffer): DecodedReceipt {
  return decodePrinterBytes(bytes, { type: 'epson' })
}

export function decodePrinterBytes(bytes: Buffer, opts: DecodeOptions = {}): DecodedReceipt {
  return new Decoder(bytes, opts).run()
}
