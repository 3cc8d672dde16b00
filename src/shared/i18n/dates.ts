import { defineMessages } from './define'

/** Why a typed date was refused (see plainDateProblem in domain/dates.ts). */
export const dateMessages = defineMessages(
  {
    'v.date.noMonth': '没有 {month} 月',
    'v.date.noDay': '{month}月没有{day}日',
    'v.date.noLeapDay': '{year}年2月没有29日（不是闰年）',
    'v.date.range': '日期应在 {min} 至 {max} 之间'
  },
  {
    'v.date.noMonth': 'There is no month {month}',
    'v.date.noDay': '{monthName} has no {dayOrd}',
    'v.date.noLeapDay': 'February {year} has no 29th (not a leap year)',
    'v.date.range': 'Date must be between {min} and {max}'
  }
)
