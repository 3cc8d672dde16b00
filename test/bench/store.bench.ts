// `npm run bench` (-- --scale 0.01 for a quick run): the five-year store bench. See README "Store-scale bench".
import { bench, describe } from 'vitest'
import { jsonLine, table } from './store/measure'
import { runStoreBench } from './store/run'

const scale = Number(process.env.BENCH_SCALE ?? 1)
const intakes = Number(process.env.BENCH_INTAKES ?? 1000)
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 2500)

describe('five-year store', () => {
  bench(
    `every hot path at scale ${scale}`,
    async () => {
      const log = (s: string) => process.stdout.write(`${s}\n`)
      const result = await runStoreBench({ scale, intakes, budgetMs, log })
      log('')
      log(table(result.figures))
      log('')
      log(`DB ${(Number(result.extra.dbBytes) / 1024 / 1024).toFixed(0)} MB, ${result.extra.bytesPerOrder} bytes/order; RSS ${result.extra.rssMbAfterIntakes} MB after ${result.extra.intakes} intakes`)
      log(jsonLine(result.figures, result.extra))
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }
  )
})
