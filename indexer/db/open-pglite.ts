/**
 * Opens the embedded PGlite database (a folder on disk, or in memory) and applies migrations.
 * A PostgreSQL driver would be a sibling file returning the same `Database`.
 */
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import type { Database, Db } from "./types";
import { MIGRATIONS_FOLDER } from "./migrations-folder";

/** PGlite's name for an in-memory database; use it as DATA_DIR in tests. */
export const IN_MEMORY = "memory://";

/**
 * @example
 * const { db, close } = await openPglite("data/pglite");
 * const { db: testDb } = await openPglite(IN_MEMORY);
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== IN_MEMORY) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir === IN_MEMORY ? undefined : dataDir);
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, close: () => client.close() };
}
