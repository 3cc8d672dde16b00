import { defineMessages } from './define'

/** 备用机: the loaner pool, lending and returns. */
export const loanersMessages = defineMessages(
  {
  },
  {
  }
)
