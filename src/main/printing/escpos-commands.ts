/**
 * The few printer commands the receipt renderer needs, for the two printer types in settings.
 * Byte values follow node-thermal-printer's epson-config / star-config tables (and the Epson ESC/POS
 * and Star Line Mode manuals); we write them ourselves because its builder sends Chinese as GBK with
 * code-page switching and its Star QR sequence omits the data-set command.
 */
import { PrinterTypes } from 'node-thermal-printer'
import type { Align } from '@shared/receipt/layout'
import type { ThermalCharset } from './columns'

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c

export interface CommandSet {
  init: Buffer
  charset(cs: ThermalCharset): Buffer
  align(a: Align): Buffer
  bold(on: boolean): Buffer
  /** Double width and height (for Chinese too) or back to normal. */
  large(on: boolean): Buffer
  feed(lines: number): Buffer
  qr(data: Buffer, cellSize: number): Buffer
  /** CODE128, human-readable digits printed below. */
  code128(ascii: string, moduleDots: number): Buffer
  /** Feed to the cutter and cut (partial cut, so the slip does not fall on the floor). */
  cut: Buffer
  /** Pulse the cash drawer kick-out connector (drawer 1). */
  drawerKick: Buffer
}

const b = (...bytes: number[]) => Buffer.from(bytes)
const alignCode = (a: Align) => (a === 'center' ? 1 : a === 'right' ? 2 : 0)
const lenLH = (n: number) => [n & 0xff, (n >> 8) & 0xff]

/** Epson ESC/POS (also what most Chinese-market thermal printers speak). */
const epson: CommandSet = {
  init: b(ESC, 0x40),
  // FS & = Chinese character mode on; FS . = off, then ESC t 0 selects code page 437
  charset: (cs) => (cs === 'GB18030' ? b(FS, 0x26) : b(FS, 0x2e, ESC, 0x74, 0)),
  align: (a) => b(ESC, 0x61, alignCode(a)),
  bold: (on) => b(ESC, 0x45, on ? 1 : 0),
  large: (on) => b(GS, 0x21, on ? 0x11 : 0x00),
  feed: (n) => b(ESC, 0x64, Math.max(0, Math.min(255, n))),
  qr: (data, cell) =>
    Buffer.concat([
      b(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0), // model 2
      b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, cell), // module size
      b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31), // error correction M
      b(GS, 0x28, 0x6b, ...lenLH(data.length + 3), 0x31, 0x50, 0x30), // store data
      data,
      b(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30) // print
    ]),
  code128: (ascii, dots) => {
    // Code set B; a literal "{" is written "{{"
    const body = Buffer.from('{B' + ascii.replace(/\{/g, '{{'), 'ascii')
    return Buffer.concat([
      b(GS, 0x48, 2, GS, 0x66, 0, GS, 0x68, 80, GS, 0x77, dots),
      b(GS, 0x6b, 73, body.length),
      body
    ])
  },
  cut: b(GS, 0x56, 66, 0),
  // ESC p m t1 t2: pin 2 (m = 0), on 25 x 2 ms, off 250 x 2 ms, the values drawer makers document
  drawerKick: b(ESC, 0x70, 0, 25, 250)
}

/** Star Line Mode. Chinese-market Star models print GB codes per their memory switch (no FS &). */
const star: CommandSet = {
  init: b(ESC, 0x40),
  charset: (cs) => (cs === 'GB18030' ? Buffer.alloc(0) : b(ESC, GS, 0x74, 1)),
  align: (a) => b(ESC, GS, 0x61, alignCode(a)),
  bold: (on) => b(ESC, on ? 0x45 : 0x46),
  large: (on) => b(ESC, 0x69, on ? 1 : 0, on ? 1 : 0),
  feed: (n) => Buffer.alloc(Math.max(0, n), 0x0a),
  qr: (data, cell) =>
    Buffer.concat([
      b(ESC, GS, 0x79, 0x53, 0x30, 2), // model 2
      b(ESC, GS, 0x79, 0x53, 0x31, 1), // error correction M
      b(ESC, GS, 0x79, 0x53, 0x32, cell), // cell size
      b(ESC, GS, 0x79, 0x44, 0x31, 0, ...lenLH(data.length)), // data (auto mode)
      data,
      b(ESC, GS, 0x79, 0x50) // print
    ]),
  // ESC b n1 n2 n3 n4 d... RS: '6' = CODE128, '2' = text under the bars, module mode, height
  code128: (ascii, dots) =>
    Buffer.concat([b(ESC, 0x62, 0x36, 0x32, 0x30 + Math.max(1, Math.min(3, dots - 1)), 80), Buffer.from(ascii, 'ascii'), b(0x1e)]),
  cut: b(ESC, 0x64, 3),
  // BEL: drive peripheral device 1 (the drawer) with the pulse set by the memory switch
  drawerKick: b(0x07)
}

export function commandSet(type: 'epson' | 'star'): CommandSet {
  return type === PrinterTypes.STAR ? star : epson
}
