/**
 * A drizzle node-postgres connection (pool) with the migrations applied: enough for the gate's
 * store tests and benchmark against a real PostgreSQL until the indexer's own driver lands.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { MIGRATIONS_FOLDER } from "../db/migrations-folder";
import * as schema from "../db/schema";
import type { Database, Db } from "../db/types";

export async function openPostgresForTests(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzle({ client: pool, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, close: () => pool.end() };
}
