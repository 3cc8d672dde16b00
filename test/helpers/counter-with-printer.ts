import type { CoreOptions } from '../../src/main/core/create-core'
import { setUpStore, startTestCore, userWithRole, type Caller, type TestCore } from './core'
import { startPrinterEmulator, type PrinterEmulator } from './printer-emulator'

export interface CounterWithPrinter {
  tc: TestCore
  manager: Caller
  clerk: Caller
  /** Running on loopback; each test points Settings → Printer at it (or not) as it needs. */
  printer: PrinterEmulator
}

/** A set-up store with a signed-in counter clerk and a loopback ESC/POS printer emulator. */
export async function startCounterWithPrinter(
  core: Partial<CoreOptions> = {},
  emulator?: Parameters<typeof startPrinterEmulator>[0]
): Promise<CounterWithPrinter> {
  const tc = await startTestCore(core)
  const manager = await setUpStore(tc)
  const clerk = await userWithRole(tc, manager, 'counter')
  const printer = await startPrinterEmulator(emulator)
  return { tc, manager, clerk, printer }
}

export async function closeCounterWithPrinter(c: Pick<CounterWithPrinter, 'tc' | 'printer'>): Promise<void> {
  await c.tc.close()
  await c.printer.close()
}
