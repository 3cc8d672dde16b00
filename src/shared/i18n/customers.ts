import { defineMessages } from './define'

/** 取机通知、备用机、返修. */
export const customersMessages = defineMessages(
  {
  },
  {
  }
)
