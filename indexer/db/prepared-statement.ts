/**
 * A prepared statement for the few hot statements (gate admission, session and delegation lookups), on
 * either driver, returning every column as text (null stays null) in the statement's column order.
 *
 * One interface, two implementations: each driver's public API (driver-statement.ts), the default; and
 * `"fast"`, which on PGlite of the verified version takes the wire-protocol path (pglite-wire-statement.ts)
 * and elsewhere falls back to the default. Only the gate's hot statements ask for it.
 */
import { nodePostgresPrepared, pgliteQueryPrepared, type NodePostgresPool, type PgliteQuery } from "./driver-statement";
import { pgliteWirePrepared, pgliteWireSupported } from "./pglite-wire-statement";
import type { Db } from "./types";

export type PreparedStatement = (values: readonly (string | null)[]) => Promise<(string | null)[][]>;

/** A PostgreSQL array literal for a `$n::type[]` parameter; values are quoted and escaped, so any text is safe. */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

export type StatementPath = "public-api" | "fast";

/**
 * @example
 * const admit = preparedStatement(db, "fairgate_gate_admit", "SELECT * FROM gate_admit($1::int[], …)", "fast");
 * const rows = await admit([pgArray(ids), …]);
 */
export function preparedStatement(
  db: Db,
  name: string,
  text: string,
  path: StatementPath = "public-api",
): PreparedStatement {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (path === "fast" && pgliteWireSupported(client)) return pgliteWirePrepared(client, name, text);
  if (isPgliteQuery(client)) return pgliteQueryPrepared(client, text);
  if (client && typeof (client as NodePostgresPool).query === "function")
    return nodePostgresPrepared(client as NodePostgresPool, name, text);
  throw new TypeError("this database exposes no PGlite or node-postgres client");
}

/** PGlite (its `exec` and `parsers` set it apart from a node-postgres pool). */
function isPgliteQuery(client: unknown): client is PgliteQuery {
  const c = client as { query?: unknown; exec?: unknown; parsers?: unknown } | undefined;
  return typeof c?.query === "function" && typeof c.exec === "function" && typeof c.parsers === "object";
}
