/** Luhn check used by IMEI (15 digits, last one is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export function isValidImei(text: string): boolean {
  return /^\d{15}$/.test(text) && luhnValid(text)
}

/** The check digit that completes a 14-digit IMEI body (used by tests and sample data). */
export function imeiCheckDigit(body14: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body14 + d)) return String(d)
  throw new Error('unreachable')
}

/**
 * "IMEI 待补": taken in with the IMEI not readable and not filled in since. Such an order cannot be
 * handed back (pickup) until it is supplied (orders.supplyImei). The one copy of this rule.
 */
export function isImeiPending(device: { imeiUnreadable: boolean | number; serial: string }): boolean {
  return !!device.imeiUnreadable && !device.serial
}
