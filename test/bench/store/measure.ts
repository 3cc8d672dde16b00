// Timing: p50 / p95 over many runs, each path next to its hand-written better-sqlite3 equivalent.

export interface Timing {
  runs: number
  p50: number
  p95: number
}

export interface Figure {
  /** Stable name (the JSON line's key). */
  name: string
  label: string
  router: Timing
  raw: Timing | null
  /** router p95 / raw p95. */
  ratio: number | null
  /** The p95 target in ms, if the issue sets one. */
  targetMs: number | null
  /** p95 within target, and router ≤ 2 × raw + the router floor. */
  ok: boolean | null
  /** A short note (e.g. what the lookup found). */
  note?: string
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

/** Runs fn (with a run index, so inputs rotate) until maxRuns or the time budget, at least minRuns. */
export async function time(fn: (i: number) => unknown, opts: { minRuns?: number; maxRuns?: number; budgetMs?: number; warmup?: number } = {}): Promise<Timing> {
  const { minRuns = 5, maxRuns = 300, budgetMs = 2500, warmup = 3 } = opts
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const samples: number[] = []
  const until = performance.now() + budgetMs
  for (let i = 0; i < maxRuns && (i < minRuns || performance.now() < until); i++) {
    const t0 = performance.now()
    await fn(i)
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { runs: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) }
}

export function figure(
  name: string,
  label: string,
  router: Timing,
  raw: Timing | null,
  targetMs: number | null,
  floorP95: number,
  note?: string
): Figure {
  const ratio = raw ? router.p95 / Math.max(raw.p95, 0.001) : null
  const withinTarget = targetMs === null || router.p95 < targetMs
  const withinRaw = !raw || router.p95 <= 2 * raw.p95 + floorP95
  return { name, label, router, raw, ratio, targetMs, ok: withinTarget && withinRaw, note }
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))

export function table(figures: Figure[]): string {
  const head = ['path', 'router p50', 'router p95', 'raw p50', 'raw p95', 'ratio', 'target', 'ok', 'runs', 'note']
  const rows = figures.map((f) => [
    f.label,
    ms(f.router.p50),
    ms(f.router.p95),
    f.raw ? ms(f.raw.p50) : '-',
    f.raw ? ms(f.raw.p95) : '-',
    f.ratio !== null ? `${f.ratio.toFixed(1)}×` : '-',
    f.targetMs !== null ? `<${f.targetMs}` : '-',
    f.ok === null ? '' : f.ok ? 'yes' : 'NO',
    String(f.router.runs),
    f.note ?? ''
  ])
  const width = (s: string) => Array.from(s).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))))
  const line = (cells: string[]) => cells.map((s, c) => s + ' '.repeat(widths[c] - width(s))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** One JSON line with every figure under stable names (times in ms). */
export function jsonLine(figures: Figure[], extra: Record<string, unknown>): string {
  const out: Record<string, unknown> = { ...extra }
  for (const f of figures) {
    out[f.name] = {
      p50: +f.router.p50.toFixed(3),
      p95: +f.router.p95.toFixed(3),
      rawP50: f.raw ? +f.raw.p50.toFixed(3) : null,
      rawP95: f.raw ? +f.raw.p95.toFixed(3) : null,
      ratio: f.ratio !== null ? +f.ratio.toFixed(2) : null,
      target: f.targetMs,
      ok: f.ok,
      runs: f.router.runs
    }
  }
  return JSON.stringify(out)
}
