/**
 * Opens a PostgreSQL database (`DATABASE_URL`) with node-postgres and applies migrations,
 * under an advisory lock so instances starting together do not race on them.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { lockKey } from "./advisory-lease";
import { MIGRATIONS_FOLDER } from "./migrations-folder";
import * as schema from "./schema";
import type { Database, Db } from "./types";

// int8 as JS number where drizzle does not map it (raw SQL): block numbers fit easily.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * @example
 * const { db, close } = await openPostgres("postgres://user@127.0.0.1:5432/fairgate");
 */
export async function openPostgres(url: string, options: { poolSize?: number | undefined } = {}): Promise<Database> {
  const setup = new pg.Client({ connectionString: url, application_name: "fairgate-migrate" });
  await setup.connect();
  try {
    const key = lockKey("fairgate-migrations").toString();
    await setup.query("SELECT pg_advisory_lock($1::bigint)", [key]);
    try {
      await migrate(drizzle({ client: setup, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await setup.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
    }
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: "fairgate-indexer",
  });
  // An idle client's connection error must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return { db, close: () => pool.end() };
}
