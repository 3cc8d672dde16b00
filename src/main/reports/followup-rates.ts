import type { EntityManager } from 'typeorm'
import type { FollowupRate } from '@shared/contract/reports'
import { complaintRate, satisfactionRate } from '../followup/rates'

/**
 * Satisfaction and complaint rates for the range, as the follow-up domain computes them
 * (src/main/followup/rates.ts): satisfaction = (visits − dissatisfied − very dissatisfied) / visits
 * against the store's target; complaints opened / orders picked up. `rate` is null when the
 * denominator is 0.
 */
export function followupRates(em: EntityManager, from: string, to: string, tz: string): { satisfaction: FollowupRate; complaints: FollowupRate } {
  const s = satisfactionRate(em, from, to, tz)
  const c = complaintRate(em, from, to, tz)
  return {
    satisfaction: { available: true, rate: s.visits ? s.rate : null, numerator: s.visits - s.dissatisfied - s.veryDissatisfied, denominator: s.visits, target: s.target },
    complaints: { available: true, rate: c.pickedUp ? c.rate : null, numerator: c.complaints, denominator: c.pickedUp, target: null }
  }
}
