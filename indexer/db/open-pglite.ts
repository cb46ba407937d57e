/**
 * Opens the embedded PGlite database (a folder on disk, or in memory) and applies migrations.
 * A PostgreSQL driver would be a sibling file returning the same `Database`.
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";
import type { Database } from "./types";
import { MIGRATIONS_FOLDER } from "./migrations-folder";
import { pgliteOptions } from "./pglite-options";
import { copyPgliteTemplate, hasDatabase, pgliteTemplateDump } from "./pglite-template";

/** PGlite's name for an in-memory database; use it as DATA_DIR in tests. */
export const IN_MEMORY = "memory://";

/**
 * @example
 * const { db, close } = await openPglite("data/pglite");
 * const { db: testDb } = await openPglite(IN_MEMORY);
 */
export async function openPglite(
  dataDir: string,
  options: { sharedBuffersMb?: number | undefined } = {},
): Promise<Database> {
  // One process per folder: PGlite is single-user, two processes on one folder corrupt it.
  const dir = dataDir === IN_MEMORY ? undefined : resolve(dataDir);
  if (dir) {
    await mkdir(dir, { recursive: true });
    if (!(await hasDatabase(dir)) && (await readdir(dir)).length === 0) await startFromTemplate(dir);
  }
  const opts = pgliteOptions(options.sharedBuffersMb);
  const client = dir ? await PGlite.create(dir, opts) : await PGlite.create({ ...opts, ...(await inMemoryStart()) });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, close: () => client.close() };
}

/** An in-memory database starts from the migrated template's dump (no initdb); on any failure, from initdb. */
async function inMemoryStart(): Promise<{ loadDataDir?: Blob }> {
  try {
    return { loadDataDir: await pgliteTemplateDump() };
  } catch (err) {
    console.warn(`[db] PGlite template dump unavailable (${(err as Error).message}); running initdb in memory`);
    return {};
  }
}

/** An empty folder starts as a copy of the migrated template (see pglite-template.ts); on any failure PGlite's own initdb runs instead. */
async function startFromTemplate(dir: string): Promise<void> {
  try {
    await copyPgliteTemplate(dir);
  } catch (err) {
    console.warn(`[db] PGlite template unavailable (${(err as Error).message}); running initdb in ${dir}`);
    for (const entry of await readdir(dir)) await rm(resolve(dir, entry), { recursive: true, force: true });
  }
}
