/**
 * Driver-neutral database types. Queries are written against these, so a node-postgres
 * driver (PostgreSQL via DATABASE_URL) can be added beside PGlite without touching them.
 */
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: what a query helper needs. */
export type DbOrTx = Db | DbTx;

/** An open database and how to close it. */
export type Database = { db: Db; close(): Promise<void> };
