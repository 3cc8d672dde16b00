import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  test: {
    globals: true,
    // *.gen.ts are developer tools (e.g. printing pending schema SQL), run on demand with GEN=1
    include: process.env.GEN ? ['test/**/*.gen.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Chromium, the bridge and a second worker share two cores: give polled UI checks room.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // SQLite files and printer ports are per test file; two cores, so two workers
    pool: 'forks',
    maxWorkers: 2
  }
})
