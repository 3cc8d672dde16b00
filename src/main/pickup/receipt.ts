/**
 * The final receipt (取机结算单) as a layout-model document: the same ReceiptDoc goes to the
 * thermal printer (escpos.ts, GB18030) and to the A4 PDF (pdf.ts, the bundled CJK font). Always in
 * the store's language. Built from the frozen pickup record, so a reprint shows what was agreed.
 */
import type { OrderView } from '@shared/contract/intake'
import type { PickupView } from '@shared/contract/pickup'
import type { StoreSettings } from '@shared/contract/settings'
import { translator, type Translate } from '@shared/i18n'
import { localDateTime } from '@shared/domain/dates'
import { formatMoney } from '@shared/domain/money'
import { chargeTotals } from '@shared/domain/settlement'
import type { ReceiptBlock, ReceiptDoc } from '@shared/receipt/layout'
import { maskMobile } from '@shared/receipt/tickets'

const text = (s: string, opts: Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'> = {}): ReceiptBlock => ({ kind: 'text', text: s, ...opts })
const pair = (label: string, value: string, bold = false): ReceiptBlock => ({ kind: 'pair', label, value, bold })
/** −¥30.00 (not ¥-30.00): an amount taken off. */
const minus = (fen: number) => `-${formatMoney(fen)}`
const rule = (style: 'single' | 'double' = 'single'): ReceiptBlock => ({ kind: 'rule', style })

/** An ID number on paper: only its last 4 characters. */
export const maskId = (s: string) => (s.length > 4 ? '*'.repeat(Math.min(s.length - 4, 10)) + s.slice(-4) : s)

function lineRows(p: PickupView, t: Translate): string[][] {
  return p.lines.map((l) => [
    // A free line keeps its price beside the name (the amount column says 三包免费)
    `${t(`pickup.line.${l.kind}`)} ${l.description}${l.warrantyFree ? ` (${formatMoney(l.amountFen)})` : ''}`,
    String(l.qty),
    l.warrantyFree ? t('pickup.receipt.free') : formatMoney(l.amountFen)
  ])
}

export function buildFinalReceipt(p: PickupView, order: OrderView, settings: StoreSettings, reprintNo: number): ReceiptDoc {
  const t = translator(settings.locale)
  const tz = settings.timeZone
  const store = settings.store
  const totals = chargeTotals(p.lines)
  const blocks: ReceiptBlock[] = [text(store.name, { align: 'center', bold: true })]
  if (store.address) blocks.push(text(store.address, { align: 'center' }))
  if (store.phone) blocks.push(text(t('receipt.phone', { phone: store.phone }), { align: 'center' }))
  blocks.push(rule('double'), text(t('pickup.receipt.title'), { align: 'center', bold: true, large: true }))
  if (p.fromStatus !== 'ready') blocks.push(text(`【${t('pickup.receipt.returnedAsIs', { status: t(`status.${p.fromStatus}`) })}】`, { align: 'center', bold: true }))
  blocks.push(
    pair(t('pickup.receipt.orderNo'), p.orderNo, true),
    pair(t('pickup.receipt.pickedUpAt'), localDateTime(p.at, tz)),
    pair(t('pickup.receipt.customer'), `${order.customer.name} ${maskMobile(order.customer.mobile)}`),
    pair(t('pickup.receipt.device'), `${order.device.brand} ${order.device.model}`),
    pair(t('pickup.receipt.serial'), order.device.serial || t('word.none')),
    rule(),
    text(t('pickup.receipt.items'), { bold: true })
  )
  if (p.lines.length) {
    blocks.push({
      kind: 'table',
      columns: [{ weight: 11 }, { weight: 3, align: 'right' }, { weight: 7, align: 'right' }],
      header: [t('pickup.receipt.item'), t('pickup.receipt.qty'), t('pickup.receipt.amount')],
      rows: lineRows(p, t)
    })
  } else {
    blocks.push(text(t('pickup.receipt.noCharges')))
  }
  blocks.push(rule(), pair(t('pickup.receipt.gross'), formatMoney(totals.grossFen)))
  if (totals.coverageFen > 0) blocks.push(pair(t('pickup.receipt.coverage'), minus(totals.coverageFen)))
  if (p.discountFen > 0) {
    const pct = p.discountBasisPoints !== null ? ` (${p.discountBasisPoints / 100}%)` : ''
    blocks.push(pair(t('pickup.receipt.discount') + pct, minus(p.discountFen)), text(t('pickup.receipt.discountReason', { reason: p.discountReason })))
  }
  blocks.push(pair(t('pickup.receipt.due'), formatMoney(p.dueFen), true))
  if (p.heldFen > 0) blocks.push(pair(t('pickup.receipt.deposit'), minus(p.heldFen)))
  for (const tender of p.tenders) blocks.push(pair(t('pickup.receipt.paidBy', { method: t(`payment.${tender.method}`) }), formatMoney(tender.amountFen)))
  if (p.changeFen > 0) blocks.push(pair(t('pickup.receipt.change'), formatMoney(p.changeFen), true))
  if (p.refundFen > 0 && p.refundMethod) blocks.push(pair(t('pickup.receipt.refund', { method: t(`payment.${p.refundMethod}`) }), formatMoney(p.refundFen), true))
  for (const r of p.laterRefunds) {
    blocks.push(pair(t('pickup.receipt.laterRefund', { date: localDateTime(r.at, tz), method: t(`payment.${r.method}`) }), minus(-r.amountFen)))
  }
  blocks.push(rule())
  if (p.warrantyUntil) blocks.push(text(t('pickup.receipt.warranty', { months: settings.ticket.repairWarrantyMonths, until: p.warrantyUntil }), { bold: true }))
  else blocks.push(text(t('pickup.receipt.noWarranty')))
  if (p.proofKind === 'lost') {
    blocks.push(
      text(
        t('pickup.receipt.lostTicket', {
          name: p.collectorName,
          idType: t(`pickup.idType.${p.idType}`),
          idNumber: maskId(p.idNumber),
          manager: p.approvedBy?.displayName ?? ''
        })
      )
    )
  }
  blocks.push(text(t('pickup.receipt.ticketVoid')), pair(t('pickup.receipt.clerk'), p.by.displayName))
  if (store.receiptFooter) blocks.push(rule(), text(store.receiptFooter, { align: 'center' }))
  blocks.push({ kind: 'feed', lines: 2 })
  return {
    title: `${t('pickup.receipt.title')} ${p.orderNo}`,
    reprintNo,
    reprintLabel: reprintNo > 0 ? t('receipt.reprint', { n: reprintNo }) : '',
    blocks,
    cut: true
  }
}

/** Alias used by the service (one builder for thermal and A4). */
export const finalReceiptDocument = buildFinalReceipt
