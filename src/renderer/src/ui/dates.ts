import dayjs, { type Dayjs } from 'dayjs'

export const DATE_FORMAT = 'YYYY-MM-DD'
/** What a clerk may type into a date field; the first is how it is shown. */
export const TYPED_DATE_FORMATS = [DATE_FORMAT, 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日']

/** Plain 'YYYY-MM-DD' strings <-> the Dayjs values antd's DatePicker wants. */
export function toDayjs(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date, DATE_FORMAT) : null
}

export function fromDayjs(d: Dayjs | null | undefined): string | null {
  return d ? d.format(DATE_FORMAT) : null
}
