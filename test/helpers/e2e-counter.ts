import type { Page } from 'playwright-core'
import type { Channel, Contract, InputOf, OutputOf, Result } from '../../src/shared/contract'
import { MANAGER } from './core'

/**
 * A call through the page's own bridge session (the token and session key the app keeps in
 * sessionStorage): test setup and checks of what was saved, while the screen is driven by keys.
 */
export async function rpc<C extends Channel>(page: Page, channel: C, input: InputOf<Contract[C]>): Promise<OutputOf<Contract[C]>> {
  const result = (await page.evaluate(
    async ([ch, body]) => {
      const res = await fetch(`/rpc/${ch}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'x-bridge-token': sessionStorage.getItem('bridgeToken') ?? '',
          'x-session': sessionStorage.getItem('bridgeSession') ?? ''
        },
        body: JSON.stringify(body)
      })
      return res.json()
    },
    [channel, input] as const
  )) as Result<OutputOf<Contract[C]>>
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** The store set up through the bridge (the setup screen has its own test), signed in as the manager. */
export async function setUpStoreInBrowser(page: Page): Promise<void> {
  await page.locator('#store-name').waitFor()
  await rpc(page, 'setup.create', {
    store: { name: '诚信手机维修中心', address: '深圳市福田区华强北路1号', phone: '0755-12345678', receiptFooter: '谢谢惠顾' },
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    manager: MANAGER
  } as never)
  await page.reload()
  await page.getByTestId('current-user').waitFor()
}

/**
 * Counts every key the test presses (a chord like Control+Enter is two keys; typed text is one
 * key per character, as a clerk with the right input method would type it).
 */
export class KeyCounter {
  keys = 0
  log: string[] = []
  constructor(private readonly page: Page) {}
  async type(text: string, delay = 0): Promise<void> {
    this.keys += [...text].length
    this.log.push(text)
    await this.page.keyboard.type(text, { delay })
  }
  async press(key: string): Promise<void> {
    this.keys += key.split('+').length
    this.log.push(`[${key}]`)
    await this.page.keyboard.press(key)
  }
}

export const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')
