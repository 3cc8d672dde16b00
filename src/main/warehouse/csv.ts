import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import iconv from 'iconv-lite'
import type { EntityManager } from 'typeorm'
import { zodErrors } from '@shared/contract/field-errors'
import {
  CSV_MAX_BYTES,
  CSV_MAX_PROBLEMS,
  CSV_MAX_ROWS,
  PartFields,
  type CsvImportReport,
  type CsvProblem,
  type FileOut,
  type PartFieldsData,
  type PartView
} from '@shared/contract/warehouse/catalogue'
import { localDate } from '@shared/domain/dates'
import { formatYuan, parseYuan } from '@shared/domain/money'
import type { Translate } from '@shared/i18n'
import { auditCall } from '../audit/audit'
import type { HandlerContext } from '../core/context'
import { prepared } from '../db/prepared'
import { insertPart, partBySku, updatePart } from './catalogue'

/** Catalogue columns in file order, each with the header names accepted on import (compared without case and spaces). */
export const CSV_COLUMNS = {
  sku: ['sku', '编码', '料号', '零件编码', '物料编码'],
  name: ['name', '名称', '零件名称', '品名'],
  spec: ['spec', 'specification', '规格', '规格型号'],
  models: ['models', 'compatible models', '适用机型', '兼容机型'],
  unit: ['unit', '单位'],
  barcode: ['barcode', '条码', '条形码'],
  bin: ['bin', 'bin location', '库位', '货位'],
  minStock: ['min stock', 'minstock', 'minimum', '最低库存', '安全库存'],
  salePrice: ['sale price', 'saleprice', 'price', '售价', '销售价'],
  cost: ['cost', 'average cost', '成本', '平均成本'],
  active: ['active', '启用', '状态']
} as const
type Column = keyof typeof CSV_COLUMNS
const REQUIRED: Column[] = ['sku', 'name', 'unit']
const TRUE = ['1', 'y', 'yes', 'true', '是', '启用', '在用']
const FALSE = ['0', 'n', 'no', 'false', '否', '停用', '禁用']

const squash = (s: string) => s.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (Excel on a Chinese Windows). */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' }
  }
}

interface Parsed {
  header: string[]
  columns: Map<Column, number>
  records: string[][]
}

/** Header and records, or the file-level problems (nothing else is checked then). */
function readFile(text: string, t: Translate): Parsed | CsvProblem[] {
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: 64 * 1024 }) as string[][]
  } catch (e) {
    const line = Number((e as { lines?: number }).lines) || 1
    return [{ row: line, column: '', message: t('warehouse.csv.e.parse', { reason: String((e as Error).message).slice(0, 120) }) }]
  }
  if (!records.length) return [{ row: 1, column: '', message: t('warehouse.csv.e.empty') }]
  const header = records[0].map((h) => h.replace(/^\uFEFF/, '').trim())
  const columns = new Map<Column, number>()
  const problems: CsvProblem[] = []
  header.forEach((h, i) => {
    if (!h) return
    const col = (Object.keys(CSV_COLUMNS) as Column[]).find((c) => (CSV_COLUMNS[c] as readonly string[]).includes(squash(h)))
    if (!col) problems.push({ row: 1, column: h, message: t('warehouse.csv.e.unknownColumn') })
    else if (columns.has(col)) problems.push({ row: 1, column: h, message: t('warehouse.csv.e.duplicateColumn') })
    else columns.set(col, i)
  })
  for (const c of REQUIRED) if (!columns.has(c)) problems.push({ row: 1, column: CSV_COLUMNS[c][1], message: t('warehouse.csv.e.missingColumn') })
  if (records.length - 1 > CSV_MAX_ROWS) problems.push({ row: CSV_MAX_ROWS + 2, column: '', message: t('warehouse.csv.e.tooManyRows', { max: CSV_MAX_ROWS }) })
  return problems.length ? problems : { header, columns, records }
}

const FIELD_COLUMN: Record<string, Column> = { salePriceFen: 'salePrice' }

interface Row {
  row: number
  data: PartFieldsData
  existing: PartView | null
}

/** Each data row checked with the same field schemas as the form; problems name the file's own header. */
function checkRows(em: EntityManager, p: Parsed, t: Translate, problems: CsvProblem[]): Row[] {
  const out: Row[] = []
  const bySku = new Map<string, number>()
  const cell = (rec: string[], c: Column) => (p.columns.has(c) ? (rec[p.columns.get(c)!] ?? '') : undefined)
  const columnName = (c: Column) => (p.columns.has(c) ? p.header[p.columns.get(c)!] : CSV_COLUMNS[c][0])
  p.records.slice(1).forEach((rec, i) => {
    const row = i + 2
    if (rec.every((v) => !v.trim())) return
    const rowProblems: CsvProblem[] = []
    const num = (c: 'minStock' | 'salePrice'): number | undefined => {
      const raw = cell(rec, c)?.trim()
      if (raw === undefined || raw === '') return undefined
      const value = c === 'salePrice' ? parseYuan(raw) : /^\d+$/.test(raw.normalize('NFKC')) ? Number(raw.normalize('NFKC')) : null
      if (value === null) rowProblems.push({ row, column: columnName(c), message: t(c === 'salePrice' ? 'warehouse.csv.e.money' : 'v.integer') })
      return value ?? undefined
    }
    const activeRaw = cell(rec, 'active')?.trim().toLowerCase()
    let active: boolean | undefined
    if (activeRaw) {
      if (TRUE.includes(activeRaw)) active = true
      else if (FALSE.includes(activeRaw)) active = false
      else rowProblems.push({ row, column: columnName('active'), message: t('warehouse.csv.e.active') })
    }
    const minStock = num('minStock')
    const salePriceFen = num('salePrice')
    const skuRaw = cell(rec, 'sku') ?? ''
    const existing = partBySku(em, skuRaw.normalize('NFKC').trim().toUpperCase())
    // A column the file leaves out keeps the part's current value (defaults for a new part).
    const base = existing ?? {}
    const candidate = {
      ...base,
      sku: skuRaw,
      name: cell(rec, 'name'),
      ...(p.columns.has('spec') ? { spec: cell(rec, 'spec') } : {}),
      ...(p.columns.has('models') ? { models: cell(rec, 'models') } : {}),
      unit: cell(rec, 'unit'),
      ...(p.columns.has('barcode') ? { barcode: cell(rec, 'barcode') } : {}),
      ...(p.columns.has('bin') ? { bin: cell(rec, 'bin') } : {}),
      ...(minStock !== undefined ? { minStock } : p.columns.has('minStock') ? { minStock: 0 } : {}),
      ...(salePriceFen !== undefined ? { salePriceFen } : p.columns.has('salePrice') ? { salePriceFen: 0 } : {}),
      ...(active !== undefined ? { active } : p.columns.has('active') ? { active: true } : {})
    }
    const parsed = PartFields.safeParse(candidate)
    if (!parsed.success) {
      for (const [path, message] of Object.entries(zodErrors(parsed.error, t))) {
        const field = path.split('.')[0]
        const c = (FIELD_COLUMN[field] ?? field) as Column
        rowProblems.push({ row, column: columnName(c in CSV_COLUMNS ? c : 'sku'), message })
      }
    }
    if (parsed.success && !rowProblems.length) {
      const earlier = bySku.get(parsed.data.sku)
      if (earlier) rowProblems.push({ row, column: columnName('sku'), message: t('warehouse.csv.e.duplicateSku', { row: earlier }) })
      else {
        bySku.set(parsed.data.sku, row)
        out.push({ row, data: parsed.data, existing })
      }
    }
    problems.push(...rowProblems)
  })
  checkBarcodes(em, out, t, problems, columnName('barcode'))
  return out
}

const BARCODE_OWNER = `SELECT id, sku FROM part WHERE barcode = ? AND barcode <> ''`

/** A barcode may belong to one part only, judged on the catalogue as it will be after the import. */
function checkBarcodes(em: EntityManager, rows: Row[], t: Translate, problems: CsvProblem[], column: string): void {
  const inFile = new Map<string, Row>()
  const fileSkus = new Map(rows.map((r) => [r.data.sku, r]))
  for (const r of rows) {
    const code = r.data.barcode
    if (!code) continue
    const other = inFile.get(code)
    if (other) {
      problems.push({ row: r.row, column, message: t('warehouse.csv.e.duplicateBarcode', { row: other.row }) })
      continue
    }
    inFile.set(code, r)
    const owner = prepared(em, BARCODE_OWNER).get(code) as { id: number; sku: string } | undefined
    const ownerKeeps = owner && owner.sku !== r.data.sku && (fileSkus.get(owner.sku)?.data.barcode ?? code) === code
    if (ownerKeeps) problems.push({ row: r.row, column, message: t('warehouse.e.barcodeTaken', { barcode: code, part: owner.sku }) })
  }
}

const CLEAR_BARCODE = `UPDATE part SET barcode = '' WHERE id = ?`

/**
 * All or nothing: the whole file is read and every row checked first; any problem answers the
 * report and writes nothing. A clean file creates or updates each part by SKU in this one
 * transaction, with one audit row for the import.
 */
export async function importCatalogueCsv(ctx: HandlerContext, input: { fileName: string; base64: string }): Promise<CsvImportReport> {
  const bytes = Buffer.from(input.base64, 'base64')
  const { text, encoding } = decodeCsv(bytes)
  const report: CsvImportReport = { ok: false, encoding, rows: 0, created: 0, updated: 0, unchanged: 0, problems: [], moreProblems: 0 }
  const finish = (problems: CsvProblem[]) => {
    problems.sort((a, b) => a.row - b.row)
    return { ...report, problems: problems.slice(0, CSV_MAX_PROBLEMS), moreProblems: Math.max(0, problems.length - CSV_MAX_PROBLEMS) }
  }
  if (bytes.length > CSV_MAX_BYTES) return finish([{ row: 1, column: '', message: ctx.t('warehouse.v.csvTooLarge') }])
  const parsed = readFile(text, ctx.t)
  if (Array.isArray(parsed)) return finish(parsed)
  const problems: CsvProblem[] = []
  const rows = checkRows(ctx.em, parsed, ctx.t, problems)
  report.rows = rows.length + new Set(problems.map((p) => p.row)).size
  if (problems.length) return finish(problems)
  if (!rows.length) return finish([{ row: 2, column: '', message: ctx.t('warehouse.csv.e.noRows') }])
  const at = ctx.now.toISOString()
  // Barcodes moving between parts in this file: clear the old holders first (the unique index).
  for (const r of rows) if (r.existing && r.existing.barcode && r.existing.barcode !== r.data.barcode) prepared(ctx.em, CLEAR_BARCODE).run(r.existing.id)
  const created: string[] = []
  const updated: string[] = []
  for (const r of rows) {
    if (!r.existing) {
      insertPart(ctx.em, r.data, at)
      created.push(r.data.sku)
    } else {
      const diff = updatePart(ctx.em, r.existing.id, r.data, at)
      const clearedOnly = r.existing.barcode !== r.data.barcode
      if (Object.keys(diff).length || clearedOnly) updated.push(r.data.sku)
    }
  }
  await auditCall(ctx, {
    action: 'part.import',
    entity: 'part',
    detail: { fileName: input.fileName, encoding, rows: rows.length, created: created.length, updated: updated.length, createdSkus: created.slice(0, 100), updatedSkus: updated.slice(0, 100) }
  })
  return { ...report, ok: true, rows: rows.length, created: created.length, updated: updated.length, unchanged: rows.length - created.length - updated.length }
}

const EXPORT = `SELECT sku, name, spec, models, unit, barcode, bin, minStock, salePriceFen, avgCostFen, active FROM part ORDER BY sku`

/** The whole catalogue; headers in the caller's language (both are read back). UTF-8 with BOM or GB18030. */
export async function exportCatalogueCsv(ctx: HandlerContext, encoding: 'utf-8' | 'gb18030'): Promise<FileOut> {
  const t = ctx.t
  const rows = prepared(ctx.em, EXPORT).all() as (Omit<PartView, 'active'> & { active: number })[]
  const header = (Object.keys(CSV_COLUMNS) as Column[]).map((c) => t(`warehouse.csv.col.${c}`))
  const body = rows.map((p) => [p.sku, p.name, p.spec, p.models, p.unit, p.barcode, p.bin, p.minStock, formatYuan(p.salePriceFen), formatYuan(p.avgCostFen), t(p.active ? 'warehouse.csv.yes' : 'warehouse.csv.no')])
  const text = stringify([header, ...body], { record_delimiter: '\r\n' })
  const bytes = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
  const settings = await ctx.services.settings.load(ctx.em)
  return { fileName: `parts-${localDate(ctx.now, settings.timeZone)}-${encoding}.csv`, mime: 'text/csv', base64: bytes.toString('base64') }
}
