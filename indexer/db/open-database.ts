/** The configured database: PostgreSQL when a URL is given, else PGlite in `dataDir`. */
import { openPglite } from "./open-pglite";
import { openPostgres } from "./open-postgres";
import type { Database } from "./types";

export type DatabaseTarget = { databaseUrl?: string; dataDir: string };

export type OpenedDatabase = Database & { kind: "postgres" | "pglite" };

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.databaseUrl) return { ...(await openPostgres(target.databaseUrl)), kind: "postgres" };
  return { ...(await openPglite(target.dataDir)), kind: "pglite" };
}
