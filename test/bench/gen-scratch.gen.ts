// scratch (H4): generate a store at BENCH_SCALE and print its facts
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { generateStore } from './store/generate'

it('generates', async () => {
  const scale = Number(process.env.BENCH_SCALE ?? 0.01)
  const dir = mkdtempSync(join(tmpdir(), 'h4-gen-'))
  const facts = await generateStore(dir, join(dir, 'store.sqlite'), scale, (s) => console.log(s))
  console.log(JSON.stringify(facts, null, 1))
  const db = new Database(join(dir, 'store.sqlite'), { readonly: true })
  console.log(db.prepare(`SELECT count(*) n, sum(b.qty = (SELECT sum(qty) FROM stock_move m WHERE m.partId = b.partId AND m.location = b.location)) ok FROM stock_balance b`).get())
  console.log(db.prepare(`SELECT count(*) n FROM part p WHERE avgCostFen <> coalesce((SELECT avgCostAfter FROM stock_move m WHERE m.partId = p.id ORDER BY id DESC LIMIT 1), 0)`).get())
  console.log(db.prepare(`SELECT count(*) n FROM stock_move a JOIN stock_move b ON b.id = a.id + 1 WHERE b.at < a.at`).get())
  console.log(db.prepare(`SELECT partId, count(*) n FROM stock_move GROUP BY partId ORDER BY n DESC LIMIT 5`).all())
  console.log(db.prepare(`SELECT docType, count(*) n, sum(qty) q FROM stock_move GROUP BY docType`).all())
  console.log(db.prepare(`SELECT sum(qty <= minStock) low, count(*) n FROM part p JOIN stock_balance b ON b.partId = p.id AND b.location = 'main'`).get())
  console.log(dir)
}, 600_000)
