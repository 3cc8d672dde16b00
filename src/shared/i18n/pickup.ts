import { defineMessages } from './define'

/** 取机结算、付款、最终收据、遗失凭证. */
export const pickupMessages = defineMessages(
  {
  },
  {
  }
)
