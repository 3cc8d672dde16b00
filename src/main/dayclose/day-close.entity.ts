import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { MethodTotals, ZReport } from '@shared/contract/dayclose'
import { instant, int, json, text } from '../db/columns'

/**
 * One closed business day: its UTC range [startAt, endAt), the cash count, expected vs counted per
 * method, and the Z report frozen as it was at close (every reprint and export reads this snapshot).
 * Final: triggers refuse UPDATE and DELETE, and refuse payments and cash moves inside the range.
 */
@Entity('day_close')
@Index(['startAt'])
export class DayClose {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number

  /** Store-local 'YYYY-MM-DD'. */
  @Index({ unique: true })
  @Column(text())
  day: string

  @Column(instant())
  startAt: string

  @Column(instant())
  endAt: string

  @Column(instant())
  closedAt: string

  @Column(int())
  closedById: number

  @Column(int())
  approvedById: number

  /** Counts per DENOMINATIONS entry. */
  @Column(json<number[]>())
  counts: number[]

  @Column(json<Required<MethodTotals>[]>())
  totals: Required<MethodTotals>[]

  @Column(int())
  overShortFen: number

  @Column(text({ default: '' }))
  note: string

  @Column(json<ZReport>())
  report: ZReport
}
