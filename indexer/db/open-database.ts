/** The configured database: PostgreSQL when a URL is given, else PGlite in `dataDir`. */
import { openPglite } from "./open-pglite";
import { openPostgres } from "./open-postgres";
import type { Database } from "./types";

export type DatabaseTarget = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL connections in the pool (default 10); PGlite has one. */
  poolSize?: number | undefined;
  /** PGlite only: Postgres shared_buffers in MB (see pglite-options.ts). */
  pgliteSharedBuffersMb?: number | undefined;
};

export type OpenedDatabase = Database & { kind: "postgres" | "pglite" };

/**
 * @example
 * const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "data/pglite" });
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.databaseUrl)
    return { ...(await openPostgres(target.databaseUrl, { poolSize: target.poolSize })), kind: "postgres" };
  return { ...(await openPglite(target.dataDir, { sharedBuffersMb: target.pgliteSharedBuffersMb })), kind: "pglite" };
}
