import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Warehouse movement documents: goods receipts and their lines, requisitions and their lines,
 * transfers main <-> quarantine, adjustments. Stock itself moves only in stock_move (see
 * WarehouseLedger); these tables say why. CHECKs keep a receipt line's delivered = accepted +
 * rejected and a requisition line's 0 <= returned <= issued <= requested, whatever writes them.
 */
export class WarehouseMoves1796000100000 implements MigrationInterface {
  name = 'WarehouseMoves1796000100000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "goods_receipt" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "receiptNo" text NOT NULL, "supplier" text NOT NULL, "supplierDocNo" text NOT NULL, "note" text NOT NULL DEFAULT (''), "acceptedFen" integer NOT NULL, "userId" integer NOT NULL, "at" text NOT NULL, CONSTRAINT "UQ_49a924533441fa75eda65e56c74" UNIQUE ("receiptNo"))`)
    await q.query(`CREATE INDEX "IDX_880b94994c8f3f890e5a48bb41" ON "goods_receipt" ("supplier", "supplierDocNo")`)
    await q.query(`CREATE INDEX "IDX_1453507b4ed85bdb0627a0d15c" ON "goods_receipt" ("at")`)
    await q.query(`CREATE TABLE "goods_receipt_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "receiptId" integer NOT NULL, "partId" integer NOT NULL, "deliveredQty" integer NOT NULL, "acceptedQty" integer NOT NULL, "rejectedQty" integer NOT NULL, "rejectReason" text NOT NULL DEFAULT (''), "unitCostFen" integer NOT NULL, "moveId" integer, CONSTRAINT "CHK_goods_receipt_line_qty" CHECK ("acceptedQty" >= 0 AND "rejectedQty" >= 0 AND "deliveredQty" > 0 AND "deliveredQty" = "acceptedQty" + "rejectedQty"))`)
    await q.query(`CREATE INDEX "IDX_ae92564acb65f3466c4cb24256" ON "goods_receipt_line" ("receiptId", "id")`)
    await q.query(`CREATE TABLE "requisition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reqNo" text NOT NULL, "orderId" integer NOT NULL, "requestedById" integer NOT NULL, "status" text NOT NULL, "note" text NOT NULL DEFAULT (''), "createdAt" text NOT NULL, "closedAt" text, "cancelledById" integer, "cancelReason" text NOT NULL DEFAULT (''), CONSTRAINT "UQ_7161c2f67813a53e5b2747de12e" UNIQUE ("reqNo"))`)
    await q.query(`CREATE INDEX "IDX_c350c59f3e355994c47994dc34" ON "requisition" ("requestedById", "id")`)
    await q.query(`CREATE INDEX "IDX_fe94707e43ed0a4ff59b6cafa1" ON "requisition" ("status", "id")`)
    await q.query(`CREATE INDEX "IDX_97e8f20254b82b9fe59a891a0a" ON "requisition" ("orderId", "id")`)
    await q.query(`CREATE TABLE "requisition_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requisitionId" integer NOT NULL, "partId" integer NOT NULL, "qty" integer NOT NULL, "issuedQty" integer NOT NULL DEFAULT (0), "returnedQty" integer NOT NULL DEFAULT (0), CONSTRAINT "CHK_requisition_line_qty" CHECK ("qty" > 0 AND "issuedQty" >= 0 AND "returnedQty" >= 0 AND "returnedQty" <= "issuedQty" AND "issuedQty" <= "qty"))`)
    await q.query(`CREATE INDEX "IDX_ea36646b87e01daf5b10346d1b" ON "requisition_line" ("requisitionId", "id")`)
    await q.query(`CREATE TABLE "stock_transfer" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "transferNo" text NOT NULL, "partId" integer NOT NULL, "qty" integer NOT NULL, "fromLocation" text NOT NULL, "toLocation" text NOT NULL, "reason" text NOT NULL, "userId" integer NOT NULL, "approvedById" integer, "at" text NOT NULL, CONSTRAINT "UQ_5b978a9f7853fbb8210a7bfa28b" UNIQUE ("transferNo"))`)
    await q.query(`CREATE TABLE "stock_adjustment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "adjNo" text NOT NULL, "partId" integer NOT NULL, "location" text NOT NULL, "qty" integer NOT NULL, "reason" text NOT NULL, "status" text NOT NULL, "requestedById" integer NOT NULL, "requestedAt" text NOT NULL, "decidedById" integer, "decidedAt" text, "rejectReason" text NOT NULL DEFAULT (''), "moveId" integer, CONSTRAINT "UQ_f48b4656bbbcab4ab8dba7de2d2" UNIQUE ("adjNo"))`)
    await q.query(`CREATE INDEX "IDX_b74150955d4a832ea9a867beda" ON "stock_adjustment" ("status", "id")`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_880b94994c8f3f890e5a48bb41"`)
    await q.query(`DROP INDEX "IDX_1453507b4ed85bdb0627a0d15c"`)
    await q.query(`DROP INDEX "IDX_ae92564acb65f3466c4cb24256"`)
    await q.query(`DROP INDEX "IDX_c350c59f3e355994c47994dc34"`)
    await q.query(`DROP INDEX "IDX_fe94707e43ed0a4ff59b6cafa1"`)
    await q.query(`DROP INDEX "IDX_97e8f20254b82b9fe59a891a0a"`)
    await q.query(`DROP INDEX "IDX_ea36646b87e01daf5b10346d1b"`)
    await q.query(`DROP INDEX "IDX_b74150955d4a832ea9a867beda"`)
    await q.query(`DROP TABLE "stock_adjustment"`)
    await q.query(`DROP TABLE "stock_transfer"`)
    await q.query(`DROP TABLE "requisition_line"`)
    await q.query(`DROP TABLE "requisition"`)
    await q.query(`DROP TABLE "goods_receipt_line"`)
    await q.query(`DROP TABLE "goods_receipt"`)
  }
}
