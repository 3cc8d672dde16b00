import type { settingsContract, StoreSettings } from '@shared/contract/settings'
import type { Handlers } from '../core/context'
import { validationError } from '../core/errors'
import { auditCall, changes, pick } from '../audit/audit'
import { sessionView } from '../auth/handlers'
import { folderProblem } from '../backup/service'

/** Index of the first entry whose key an earlier entry already has, or -1. */
function firstDuplicate<T>(list: T[] | undefined, key: (entry: T) => string): number {
  const seen = new Set<string>()
  return (list ?? []).findIndex((e) => (seen.has(key(e)) ? true : (seen.add(key(e)), false)))
}

export const settingsHandlers: Handlers<typeof settingsContract> = {
  'settings.get': async (_input, ctx) => ctx.services.settings.load(ctx.em),

  'settings.setLocale': async (input, ctx) => {
    ctx.session.locale = input.locale
    return sessionView(ctx, ctx.user)
  },

  'settings.update': async (patch, ctx) => {
    for (const list of ['deviceCategories', 'faultCodes'] as const) {
      const dup = firstDuplicate(patch[list], (e) => e.code)
      if (dup >= 0) throw validationError({ [`${list}.${dup}.code`]: 'settings.v.duplicateCode' })
    }
    const dupRule = firstDuplicate(patch.warrantyPolicy?.rules, (r) => `${r.category}/${r.component}`)
    if (dupRule >= 0) throw validationError({ [`warrantyPolicy.rules.${dupRule}.component`]: 'settings.v.duplicateRule' })
    // A backup folder must be a local folder this PC can write to (src/main/backup/).
    const folderWhy = patch.backup?.folder ? folderProblem(patch.backup.folder, true) : null
    if (folderWhy) throw validationError({ 'backup.folder': folderWhy })
    const before = await ctx.services.settings.load(ctx.em)
    const updated = await ctx.services.settings.update(ctx.em, patch as Partial<StoreSettings>, ctx.afterCommit)
    const sections = (Object.keys(patch) as (keyof StoreSettings)[]).filter((k) => patch[k] !== undefined)
    const changed = changes(pick(before, sections), pick(updated, sections))
    // Saving a form unchanged is not an event worth a row.
    if (Object.keys(changed).length) {
      await auditCall(ctx, { action: 'settings.update', entity: 'settings', changes: changed })
    }
    if (patch.printer) ctx.afterCommit(() => ctx.services.printQueue.kick())
    if (patch.backup) ctx.afterCommit(() => ctx.services.backups.folderChanged(updated))
    return updated
  }
}
