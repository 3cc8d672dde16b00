import type { Database, Statement } from 'better-sqlite3'
import type { DataSource, EntityManager } from 'typeorm'

/** The app's one better-sqlite3 connection (TypeORM's better-sqlite3 driver keeps a single one). */
export function connectionOf(source: EntityManager | DataSource): Database {
  const ds = 'driver' in source ? source : source.connection
  return (ds.driver as unknown as { databaseConnection: Database }).databaseConnection
}

const byConnection = new WeakMap<Database, Map<string, Statement>>()

/**
 * A statement prepared once per connection and reused. For hot paths: TypeORM writes ids into its
 * SQL text, so its own statement cache misses (and re-prepares) on every new order. Runs on the
 * caller's connection, so inside a router transaction it is part of that transaction.
 */
export function prepared(source: EntityManager | DataSource, sql: string): Statement {
  const db = connectionOf(source)
  let cache = byConnection.get(db)
  if (!cache) byConnection.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}

/** Every SQL text prepared through `prepared` on this connection (test/schema/query-plans.test.ts checks their plans). */
export function preparedSql(source: EntityManager | DataSource): string[] {
  return [...(byConnection.get(connectionOf(source))?.keys() ?? [])]
}
