import { defineMessages } from './define'

/** Why a typed date was refused (see plainDateProblem in domain/dates.ts). */
export const dateMessages = defineMessages(
  {
    'v.date.noMonth': '没有 {month} 月',
    'v.date.noDay': '{month}月没有{day}日',
    'v.date.noLeapDay': '{year}年2月没有29日（不是闰年）',
    'v.date.noDay.2.30': '2月没有30日',
    'v.date.noDay.2.31': '2月没有31日',
    'v.date.noDay.4.31': '4月没有31日',
    'v.date.noDay.6.31': '6月没有31日',
    'v.date.noDay.9.31': '9月没有31日',
    'v.date.noDay.11.31': '11月没有31日',
    'v.date.range': '日期应在 {min} 至 {max} 之间'
  },
  {
    'v.date.noMonth': 'There is no month {month}',
    'v.date.noDay': 'Month {month} has no day {day}',
    'v.date.noLeapDay': 'February {year} has no 29th (not a leap year)',
    'v.date.noDay.2.30': 'February has no 30th',
    'v.date.noDay.2.31': 'February has no 31st',
    'v.date.noDay.4.31': 'April has no 31st',
    'v.date.noDay.6.31': 'June has no 31st',
    'v.date.noDay.9.31': 'September has no 31st',
    'v.date.noDay.11.31': 'November has no 31st',
    'v.date.range': 'Date must be between {min} and {max}'
  }
)
