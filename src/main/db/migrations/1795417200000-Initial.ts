import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Users, settings, audit log, customers, work orders with their number allocator, payments, print jobs. */
export class Initial1795417200000 implements MigrationInterface {
  name = 'Initial1795417200000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" text NOT NULL, "userId" integer, "action" text NOT NULL, "entity" text NOT NULL, "entityId" integer, "detail" text)`)
    await q.query(`CREATE INDEX "IDX_e3a9d2038eafa6c7cfe9e40853" ON "audit_log" ("entity", "entityId")`)
    await q.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" text NOT NULL, "displayName" text NOT NULL, "role" text NOT NULL, "pinHash" text NOT NULL, "failedPins" integer NOT NULL DEFAULT (0), "lockedUntil" text, "active" boolean NOT NULL DEFAULT (1), "createdAt" text NOT NULL, CONSTRAINT "UQ_78a916df40e02a9deb1c4b75edb" UNIQUE ("username"))`)
    await q.query(`CREATE TABLE "customer" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "mobile" text NOT NULL, "landline" text NOT NULL DEFAULT (''), "address" text NOT NULL DEFAULT (''), "createdAt" text NOT NULL, "updatedAt" text NOT NULL)`)
    await q.query(`CREATE INDEX "IDX_997b67bd2b17b6782c70e34853" ON "customer" ("mobile")`)
    await q.query(`CREATE TABLE "order_sequence" ("period" text PRIMARY KEY NOT NULL, "lastSerial" integer NOT NULL)`)
    await q.query(`CREATE TABLE "work_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderNo" text NOT NULL, "claimCode" text NOT NULL, "status" text NOT NULL, "receivedAt" text NOT NULL, "returnedAt" text, "customerId" integer NOT NULL, "category" text NOT NULL, "brand" text NOT NULL, "model" text NOT NULL, "serial" text NOT NULL DEFAULT (''), "colour" text NOT NULL DEFAULT (''), "invoiceDate" text, "invoiceNo" text NOT NULL DEFAULT (''), "faultDescription" text NOT NULL, "faultCodes" text NOT NULL, "condition" text NOT NULL, "accessories" text NOT NULL, "accessoriesOther" text NOT NULL DEFAULT (''), "warrantyVerdict" text NOT NULL, "inWarranty" boolean NOT NULL, "overrideInWarranty" boolean, "overrideReason" text, "serviceType" text NOT NULL, "estimateFen" integer NOT NULL, "depositFen" integer NOT NULL DEFAULT (0), "depositMethod" text, "promisedDate" text NOT NULL, "technicianId" integer, "createdById" integer NOT NULL, CONSTRAINT "UQ_a8a5430a5cb2bf4e8309a36002b" UNIQUE ("orderNo"), CONSTRAINT "FK_2acd6ad7e93a9d2317979a4c8e6" FOREIGN KEY ("customerId") REFERENCES "customer" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_e8141d2fbdaa16f23aa2baba475" FOREIGN KEY ("technicianId") REFERENCES "user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_6b9741e9ad2f194f4e346085cf9" FOREIGN KEY ("createdById") REFERENCES "user" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`)
    await q.query(`CREATE INDEX "IDX_e40ea8edb28e8ff0be50fe82f7" ON "work_order" ("serial")`)
    await q.query(`CREATE TABLE "payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer NOT NULL, "kind" text NOT NULL, "method" text NOT NULL, "amountFen" integer NOT NULL, "receivedAt" text NOT NULL, "userId" integer NOT NULL, CONSTRAINT "FK_d09d285fe1645cd2f0db811e293" FOREIGN KEY ("orderId") REFERENCES "work_order" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`)
    await q.query(`CREATE INDEX "IDX_fa4329d15da8a7328f642f0d5b" ON "payment" ("receivedAt")`)
    await q.query(`CREATE TABLE "print_job" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "orderId" integer, "kind" text NOT NULL, "reprintNo" integer NOT NULL DEFAULT (0), "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "document" text NOT NULL, "createdAt" text NOT NULL, "printedAt" text, "createdById" integer, CONSTRAINT "FK_8607f33e678d90f05e46ae4ad23" FOREIGN KEY ("orderId") REFERENCES "work_order" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`)
    await q.query(`CREATE INDEX "IDX_6f26fab4d9290f8f4ac395a0b2" ON "print_job" ("status")`)
    await q.query(`CREATE TABLE "setting" ("key" text PRIMARY KEY NOT NULL, "value" text NOT NULL)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "setting"`)
    await q.query(`DROP INDEX "IDX_6f26fab4d9290f8f4ac395a0b2"`)
    await q.query(`DROP TABLE "print_job"`)
    await q.query(`DROP INDEX "IDX_fa4329d15da8a7328f642f0d5b"`)
    await q.query(`DROP TABLE "payment"`)
    await q.query(`DROP INDEX "IDX_e40ea8edb28e8ff0be50fe82f7"`)
    await q.query(`DROP TABLE "work_order"`)
    await q.query(`DROP TABLE "order_sequence"`)
    await q.query(`DROP INDEX "IDX_997b67bd2b17b6782c70e34853"`)
    await q.query(`DROP TABLE "customer"`)
    await q.query(`DROP TABLE "user"`)
    await q.query(`DROP INDEX "IDX_e3a9d2038eafa6c7cfe9e40853"`)
    await q.query(`DROP TABLE "audit_log"`)
  }
}
