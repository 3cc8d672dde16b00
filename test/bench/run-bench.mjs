// `npm run bench [-- --scale 0.01] [--intakes N] [--budget MS]`: flags become env vars for vitest bench.
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const env = { ...process.env }
const flags = { '--scale': 'BENCH_SCALE', '--intakes': 'BENCH_INTAKES', '--budget': 'BENCH_BUDGET_MS' }
const rest = []
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=')
  if (flags[flag]) env[flags[flag]] = inline ?? args[++i]
  else rest.push(args[i])
}
const files = rest.length ? rest : ['test/bench/store.bench.ts']  // counter.bench.ts (render timings): npm run bench -- test/bench/counter.bench.ts
const r = spawnSync('npx', ['vitest', 'bench', '--run', ...files], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
