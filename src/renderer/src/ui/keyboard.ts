import type { KeyboardEvent } from 'react'

const TABBABLE =
  'input:not([disabled]):not([type="hidden"]),textarea:not([disabled]),select:not([disabled]),button:not([disabled]),a[href],[tabindex]'

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
}

/** What Tab would visit, in order (no positive tabindex is used in this app, so DOM order). */
export function tabbables(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[hidden],[inert],[aria-hidden="true"]') && visible(el) && radioStop(el)
  )
}

/** A radio group is one Tab stop, as the browser does it: the checked radio, else the first. */
function radioStop(el: HTMLElement): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true
  const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]:not([disabled])`))
  return el === (group.find((r) => r.checked) ?? group[0])
}

/** Moves the caret where Tab would; false when `from` is the last stop. */
export function focusNext(from: HTMLElement, root: ParentNode = document): boolean {
  const list = tabbables(root)
  const i = list.indexOf(from)
  const next = i >= 0 ? list[i + 1] : list.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
  if (!next) return false
  next.focus()
  return true
}

/**
 * Enter in a single-line field moves on, as at a paper form. Left alone: text areas (Enter is a new
 * line), open lists (Enter picks), buttons and links (Enter presses them), Ctrl/Alt/Shift+Enter.
 */
export function enterMovesOn(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.defaultPrevented) return
  if (e.nativeEvent.isComposing) return // Enter that confirms an input-method candidate
  const el = e.target as HTMLElement
  if (!(el instanceof HTMLInputElement)) return
  if (el.getAttribute('aria-expanded') === 'true') return
  // A closed pick list opens on Enter (antd's own behaviour) unless it is a suggest box.
  if (el.getAttribute('role') === 'combobox' && !el.closest('.ant-select-auto-complete')) return
  e.preventDefault()
  focusNext(el, e.currentTarget)
}

/** Marks where a task starts (the mobile on intake; "back to intake" on the order page after a save); see focusTaskStart. */
export const TASK_START = { 'data-task-start': '' } as const
const TASK_STARTS = '[data-task-start]'
/**
 * Puts the caret on the first field of the task on screen — after sign-in, a user switch or a save —
 * so the next keystrokes land where the clerk expects. Waits a frame for the screen to render.
 */
export function focusTaskStart(selector = TASK_STARTS, tries = 40): void {
  const el = Array.from(document.querySelectorAll<HTMLElement>(selector)).find(
    (x) => !x.closest('[hidden]') && visible(x)
  )
  const target = el && (el.matches(TABBABLE) ? el : el.querySelector<HTMLElement>(TABBABLE))
  if (target) target.focus()
  else if (tries > 0) setTimeout(() => focusTaskStart(selector, tries - 1), 50)
}
