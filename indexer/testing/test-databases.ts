/**
 * The databases every storage-touching suite runs on: in-memory PGlite always, and a real
 * PostgreSQL server (one throwaway cluster per test file, one fresh database per `open()`)
 * when `npm test` found one. `describe.each(testDatabases())` + `skipIf(kind.skip)`.
 */
import pg from "pg";
import { postgresSkipReason, startPostgres, type PostgresServer } from "../../test/helpers/postgres-server";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import { openPostgres } from "../db/open-postgres";
import type { Database } from "../db/types";

export type TestDatabaseKind = {
  name: "pglite" | "postgres";
  /** Why this kind is skipped here, or undefined. */
  skip?: string;
  open(): Promise<Database & { url?: string }>;
  /** Stops the server (postgres) once the file is done. */
  shutdown(): Promise<void>;
};

let server: Promise<PostgresServer> | null = null;
let counter = 0;

/** A fresh, empty PostgreSQL database on this file's throwaway server; returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  server ??= startPostgres();
  const { url } = await server;
  const name = `fairgate_t${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}

export async function stopTestPostgres(): Promise<void> {
  const s = server;
  server = null;
  if (s) (await s).stop();
}

export function testDatabases(): TestDatabaseKind[] {
  if (postgresSkipReason) console.warn(`\n⚠ PostgreSQL variant SKIPPED: ${postgresSkipReason}\n`);
  return [
    { name: "pglite", open: () => openPglite(IN_MEMORY), shutdown: async () => {} },
    {
      name: "postgres",
      skip: postgresSkipReason,
      async open() {
        const url = await freshPostgresUrl();
        return { ...(await openPostgres(url, { poolSize: 4 })), url };
      },
      shutdown: stopTestPostgres,
    },
  ];
}

/** Empties every table (chain mirror and its undo log, gate, cursor, hashes): a fresh database without paying PGlite's start-up again. */
export async function resetDatabase(db: Database["db"]): Promise<void> {
  const { sql } = await import("drizzle-orm");
  await db.execute(
    sql.raw(
      "TRUNCATE events, tiers, tickets, transfers, mints, purchases, voucher_redemptions, refunds, listings, sales, contract_activity, waitlist_entries, channel_configs, identity_deadlines, mirror_undo, sync_cursor, blocks, gate_challenges, check_ins",
    ),
  );
}
