import { defineMessages } from './define'

export const uiMessages = defineMessages({}, {})
