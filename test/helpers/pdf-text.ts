/**
 * Test helpers around poppler-utils (apt: poppler-utils): what a PDF shows, which fonts it embeds,
 * and a PNG of a page to look at.
 *
 *   const text = await pdfText(pdf)                  // pdftotext -layout
 *   const fonts = await pdfFonts(pdf)                // [{ name, type, embedded, subset }]
 *   await pdfToPng(pdf, '/tmp/out/page1.png')        // page 1 (or { page: 2 }) at 100 dpi
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Runs a poppler tool with the PDF on stdin; resolves stdout. */
function run(cmd: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err}`))))
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

/** The text of every page, laid out as on the page (`pdftotext -layout - -`). */
export function pdfText(pdf: Buffer): Promise<string> {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], pdf)
}

/** Writes page `page` (1-based) as a PNG at `outPath`. */
export async function pdfToPng(pdf: Buffer, outPath: string, opts: { page?: number; dpi?: number } = {}): Promise<string> {
  const page = String(opts.page ?? 1)
  const dir = await mkdtemp(join(tmpdir(), 'pdf-png-'))
  try {
    const input = join(dir, 'in.pdf')
    await writeFile(input, pdf)
    const prefix = join(dir, 'page')
    await new Promise<void>((resolve, reject) =>
      execFile('pdftoppm', ['-png', '-r', String(opts.dpi ?? 100), '-f', page, '-l', page, '-singlefile', input, prefix], (err) =>
        err ? reject(err) : resolve()
      )
    )
    await rename(`${prefix}.png`, outPath)
    return outPath
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
  subset: boolean
}

/** `pdffonts` as data: one entry per font used in the document. */
export async function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-fonts-'))
  try {
    const input = join(dir, 'in.pdf')
    await writeFile(input, pdf)
    const out = await new Promise<string>((resolve, reject) =>
      execFile('pdffonts', [input], (err, stdout) => (err ? reject(err) : resolve(stdout)))
    )
    // name type [type...] encoding emb sub uni object ID: the 3 yes/no columns sit before "obj gen"
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/)
        const [emb, sub] = cols.slice(-5, -3)
        return { name: cols[0], type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' }
      })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
