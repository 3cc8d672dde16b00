/**
 * ReceiptDoc -> bytes for a thermal receipt printer.
 *
 * Why not node-thermal-printer's builder: its CHINA character set encodes with GBK (EUC-CN) and,
 * on a character outside GBK such as the "¥" in every price, switches the printer's code page, after
 * which the following Chinese prints as garbage; it has no GB18030 and no `FS &`; its column maths
 * counts a Chinese character as one column, so pairs and tables misalign. So the bytes are written
 * here (a dozen commands, see escpos-commands.ts) and node-thermal-printer stays the reference for
 * printer types (`PrinterTypes.EPSON/STAR`) and command values, and its interfaces are not used.
 *
 * Chinese: `FS &` once, then text encoded with iconv's GB18030, two columns per non-ASCII
 * character. "¥" is sent as the full-width "￥" (GB2312 A3A4) because many printers only have the
 * 2-byte part of GB18030 and "¥" itself is a 4-byte code there.
 */
import iconv from 'iconv-lite'
import type { Align, ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'
import { commandSet, type CommandSet } from './escpos-commands'
import { pairLines, sanitize, tableRowLines, tableWidths, textWidth, wrap, type ThermalCharset } from './columns'

export interface EscPosOptions {
  widthMm: 58 | 80
  type: 'epson' | 'star'
  characterSet: ThermalCharset
}

/** Characters per line in font A (12x24): 58 mm paper prints 384 dots, 80 mm prints 576. */
export function columnsFor(widthMm: 58 | 80): number {
  return widthMm === 58 ? 32 : 48
}

function dotsFor(widthMm: 58 | 80): number {
  return widthMm === 58 ? 384 : 576
}

export function encodeText(s: string, charset: ThermalCharset): Buffer {
  const clean = sanitize(s)
  return charset === 'GB18030' ? iconv.encode(clean.replace(/¥/g, '￥'), 'GB18030') : iconv.encode(clean, 'CP437')
}

class Writer {
  private parts: Buffer[] = []
  readonly cols: number

  constructor(
    readonly cmd: CommandSet,
    readonly opts: EscPosOptions
  ) {
    this.cols = columnsFor(opts.widthMm)
  }

  raw(buf: Buffer): void {
    if (buf.length) this.parts.push(buf)
  }

  line(s: string): void {
    this.raw(encodeText(s, this.opts.characterSet))
    this.raw(Buffer.from([0x0a]))
  }

  /** Lines under one style; styles are reset afterwards so blocks never leak into each other. */
  styled(lines: string[], style: { align?: Align; bold?: boolean; large?: boolean }): void {
    if (style.align && style.align !== 'left') this.raw(this.cmd.align(style.align))
    if (style.bold) this.raw(this.cmd.bold(true))
    if (style.large) this.raw(this.cmd.large(true))
    for (const l of lines) this.line(l)
    if (style.large) this.raw(this.cmd.large(false))
    if (style.bold) this.raw(this.cmd.bold(false))
    if (style.align && style.align !== 'left') this.raw(this.cmd.align('left'))
  }

  buffer(): Buffer {
    return Buffer.concat(this.parts)
  }
}

function renderBlock(w: Writer, block: ReceiptBlock): void {
  const cs = w.opts.characterSet
  switch (block.kind) {
    case 'text': {
      const width = block.large ? Math.floor(w.cols / 2) : w.cols
      w.styled(wrap(block.text, width, cs), block)
      return
    }
    case 'pair':
      w.styled(pairLines(block.label, block.value, w.cols, cs), { bold: block.bold })
      return
    case 'table': {
      const widths = tableWidths(
        block.columns.map((c) => c.weight),
        w.cols
      )
      const aligns = block.columns.map((c) => c.align)
      if (block.header) {
        w.styled(tableRowLines(block.header, widths, aligns, cs), { bold: true })
        w.line('-'.repeat(w.cols))
      }
      for (const row of block.rows) w.styled(tableRowLines(row, widths, aligns, cs), {})
      return
    }
    case 'rule':
      w.line((block.style === 'double' ? '=' : '-').repeat(w.cols))
      return
    case 'qr': {
      w.raw(w.cmd.align('center'))
      w.raw(w.cmd.qr(Buffer.from(block.data, 'utf8'), w.opts.widthMm === 58 ? 6 : 7))
      w.raw(w.cmd.feed(1))
      w.raw(w.cmd.align('left'))
      if (block.caption) w.styled(wrap(block.caption, w.cols, cs), { align: 'center' })
      return
    }
    case 'barcode':
      renderBarcode(w, block.data)
      return
    case 'feed':
      w.raw(w.cmd.feed(block.lines))
      return
  }
}

function renderBarcode(w: Writer, data: string): void {
  if (!/^[\x20-\x7e]{1,60}$/.test(data)) {
    // Not encodable as CODE128 B: print the value so the ticket still carries it
    w.styled(wrap(data, w.cols, w.opts.characterSet), { align: 'center' })
    return
  }
  // CODE128 B: 11 modules per character + start, check digit and stop (35), + 20 quiet zone
  const modules = 11 * data.length + 35 + 20
  const moduleDots = Math.max(1, Math.min(3, Math.floor(dotsFor(w.opts.widthMm) / modules)))
  w.raw(w.cmd.align('center'))
  w.raw(w.cmd.code128(data, moduleDots))
  w.raw(w.cmd.feed(1))
  w.raw(w.cmd.align('left'))
}

function banner(w: Writer, label: string): void {
  const width = Math.floor(w.cols / 2)
  const text = `** ${label} **`
  const lines = textWidth(text, w.opts.characterSet) <= width ? [text] : wrap(label, width, w.opts.characterSet)
  w.styled(lines, { align: 'center', bold: true, large: true })
}

/** Renders a receipt for one printer; the result is sent as-is by transport.ts. */
export function renderEscPos(doc: ReceiptDoc, opts: EscPosOptions): Buffer {
  const w = new Writer(commandSet(opts.type), opts)
  w.raw(w.cmd.init)
  w.raw(w.cmd.charset(opts.characterSet))
  const reprint = doc.reprintNo > 0 ? doc.reprintLabel || `REPRINT ${doc.reprintNo}` : ''
  if (reprint) banner(w, reprint)
  for (const block of doc.blocks) renderBlock(w, block)
  if (reprint) banner(w, reprint)
  if (doc.cut) w.raw(w.cmd.cut)
  return w.buffer()
}
