/** The byte-level decoder behind escpos-decode.ts (see there for the API). */
import iconv from 'iconv-lite'
import type { Align, DecodedLine, DecodedReceipt, DecodeOptions } from './escpos-decode'

const ALIGNS: Align[] = ['left', 'center', 'right']
const CODE_PAGE_TEXT = (b: number) => b >= 0x20 && b !== 0x7f

/** One pass over the bytes; each command handler returns the offset after the command. */
export class Decoder {
  private out: DecodedReceipt
  private align: Align = 'left'
  private bold = false
  private large = false
  private line: DecodedLine = { text: '', bold: false, large: false, align: 'left' }
  private qrData = ''

  constructor(
    private bytes: Buffer,
    private opts: DecodeOptions
  ) {
    const chineseMode = opts.type === 'star' && opts.chinese !== false
    this.out = { text: '', lines: [], styled: [], qr: [], barcodes: [], cuts: 0, drawerKicks: [], chineseMode }
  }

  run(): DecodedReceipt {
    let i = 0
    while (i < this.bytes.length) i = this.step(i)
    if (this.line.text) this.flush()
    this.out.lines = this.out.styled.map((l) => l.text)
    this.out.text = this.out.lines.join('\n')
    return this.out
  }

  private step(i: number): number {
    const c = this.bytes[i]
    if (CODE_PAGE_TEXT(c)) return this.text(i)
    switch (c) {
      case 0x0a:
        this.flush()
        return i + 1
      case 0x0d:
        return i + 1
      case 0x10: // DLE EOT n: real-time status request, prints nothing
        return this.at(i + 1) === 0x04 ? i + 3 : this.fail(i)
      case 0x1c:
        return this.fs(i)
      case 0x1b:
        return this.opts.type === 'star' ? this.starEsc(i) : this.esc(i)
      case 0x1d:
        return this.gs(i)
      default:
        return this.fail(i)
    }
  }

  private text(i: number): number {
    let j = i
    while (j < this.bytes.length && CODE_PAGE_TEXT(this.bytes[j])) j++
    if (!this.line.text) this.line.align = this.align // ESC a takes effect at the start of a line
    this.line.text += iconv.decode(this.bytes.subarray(i, j), this.out.chineseMode ? 'GB18030' : 'CP437')
    this.line.bold ||= this.bold
    this.line.large ||= this.large
    return j
  }

  private fs(i: number): number {
    switch (this.at(i + 1)) {
      case 0x26: // FS &: Chinese mode on
        this.out.chineseMode = true
        return i + 2
      case 0x2e: // FS .: Chinese mode off
        this.out.chineseMode = false
        return i + 2
      case 0x21: // FS ! / FS - / FS W / FS C n: Chinese character styles
      case 0x2d:
      case 0x57:
      case 0x43:
        return i + 3
      default:
        return this.fail(i)
    }
  }

  private esc(i: number): number {
    const n = () => this.at(i + 2)
    switch (this.at(i + 1)) {
      case 0x40: // ESC @
        this.reset()
        return i + 2
      case 0x61: // ESC a n
        this.align = ALIGNS[n() % 48] ?? 'left'
        return i + 3
      case 0x45: // ESC E n
        this.bold = (n() & 1) === 1
        return i + 3
      case 0x21: // ESC ! n
        this.bold = (n() & 0x08) !== 0
        this.large = (n() & 0x30) !== 0
        return i + 3
      case 0x64: // ESC d n: print and feed n lines
        this.feed(n())
        return i + 3
      case 0x32: // ESC 2
        return i + 2
      case 0x70: // ESC p m t1 t2: cash drawer kick (pin 2 or 5, on/off times in 2 ms units)
        this.out.drawerKicks.push({ pin: this.at(i + 2) % 48 === 0 ? 2 : 5, onMs: this.at(i + 3) * 2, offMs: this.at(i + 4) * 2 })
        return i + 5
      case 0x2d: // ESC - / t / R / M / J / 3 / G n
      case 0x74:
      case 0x52:
      case 0x4d:
      case 0x4a:
      case 0x33:
      case 0x47:
        return i + 3
      default:
        return this.fail(i)
    }
  }

  private gs(i: number): number {
    const f = this.at(i + 1)
    if (f === 0x21) {
      this.large = this.at(i + 2) !== 0 // GS ! n: character size
      return i + 3
    }
    if ([0x48, 0x66, 0x68, 0x77, 0x42, 0x72].includes(f)) return i + 3 // GS H / f / h / w / B / r n
    if (f === 0x28 && this.at(i + 2) === 0x6b) return this.qr(i)
    if (f === 0x6b) return this.barcode(i)
    if (f === 0x56) {
      this.out.cuts++ // GS V m, or GS V m n for m = 65/66
      return i + (this.at(i + 2) === 65 || this.at(i + 2) === 66 ? 4 : 3)
    }
    return this.fail(i)
  }

  /** GS ( k pL pH cn fn ...: fn 80 stores the data, fn 81 prints it. */
  private qr(i: number): number {
    const len = this.at(i + 3) + this.at(i + 4) * 256
    const p = this.bytes.subarray(i + 5, i + 5 + len)
    if (p[0] === 0x31 && p[1] === 0x50) this.qrData = p.subarray(3).toString('utf8')
    if (p[0] === 0x31 && p[1] === 0x51) this.out.qr.push(this.qrData)
    return i + 5 + len
  }

  /** GS k m: m <= 6 is NUL-terminated, m >= 65 has a length byte (73 = CODE128). */
  private barcode(i: number): number {
    const m = this.at(i + 2)
    if (m <= 6) {
      const end = this.bytes.indexOf(0, i + 3)
      this.out.barcodes.push(this.bytes.subarray(i + 3, end).toString('latin1'))
      return end + 1
    }
    const data = this.bytes.subarray(i + 4, i + 4 + this.at(i + 3))
    this.out.barcodes.push(m === 73 ? code128Text(data) : data.toString('latin1'))
    return i + 4 + data.length
  }

  /** Star Line Mode: ESC commands differ from ESC/POS (ESC d = cut, ESC E/F = bold on/off, ...). */
  private starEsc(i: number): number {
    const f = this.at(i + 1)
    switch (f) {
      case 0x40:
        this.reset()
        return i + 2
      case 0x45:
      case 0x46:
        this.bold = f === 0x45
        return i + 2
      case 0x69: // ESC i height width
        this.large = this.at(i + 2) + this.at(i + 3) > 0
        return i + 4
      case 0x64: // ESC d n: cut
        this.out.cuts++
        return i + 3
      case 0x62: {
        // ESC b n1 n2 n3 n4 data RS
        const end = this.bytes.indexOf(0x1e, i + 6)
        this.out.barcodes.push(this.bytes.subarray(i + 6, end).toString('latin1'))
        return end + 1
      }
      case 0x1d:
        return this.starEscGs(i)
      default:
        return this.fail(i)
    }
  }

  private starEscGs(i: number): number {
    const g = this.at(i + 2)
    if (g === 0x61) {
      this.align = ALIGNS[this.at(i + 3) % 48] ?? 'left' // ESC GS a n
      return i + 4
    }
    if (g === 0x74) return i + 4 // ESC GS t n: code table
    if (g !== 0x79) return this.fail(i)
    const h = this.at(i + 3) // ESC GS y: QR code
    if (h === 0x53) return i + 6 // S k n: model / correction / cell size
    if (h === 0x50) {
      this.out.qr.push(this.qrData) // P: print
      return i + 4
    }
    if (h === 0x44) {
      const len = this.at(i + 6) + this.at(i + 7) * 256 // D 1 0 nL nH data
      this.qrData = this.bytes.subarray(i + 8, i + 8 + len).toString('utf8')
      return i + 8 + len
    }
    return this.fail(i)
  }

  private reset(): void {
    this.align = 'left'
    this.bold = false
    this.large = false
  }

  private flush(): void {
    this.out.styled.push(this.line)
    this.line = { text: '', bold: false, large: false, align: this.align }
  }

  /** Prints what is buffered, then feeds: n lines in all. */
  private feed(n: number): void {
    if (this.line.text) {
      this.flush()
      n--
    }
    for (; n > 0; n--) this.flush()
  }

  private at(k: number): number {
    if (k >= this.bytes.length) throw new Error(`truncated command at byte ${k}`)
    return this.bytes[k]
  }

  private fail(i: number): never {
    throw new Error(`unsupported command 0x${this.bytes.subarray(i, i + 4).toString('hex')} at byte ${i}`)
  }
}

/** GS k 73 data: "{A"/"{B"/"{C" select a code set, "{{" is a literal "{", code set C packs 2 digits. */
function code128Text(data: Buffer): string {
  let set = 'B'
  let s = ''
  for (let k = 0; k < data.length; k++) {
    const b = data[k]
    if (b === 0x7b && k + 1 < data.length) {
      const next = String.fromCharCode(data[++k])
      if (next === '{') s += '{'
      else if ('ABC'.includes(next)) set = next
      continue
    }
    s += set === 'C' ? String(b).padStart(2, '0') : String.fromCharCode(b)
  }
  return s
}
