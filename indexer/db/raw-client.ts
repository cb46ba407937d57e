/**
 * The driver under a Drizzle database (PGlite, or node-postgres's pool): both answer
 * `query(text, params)` with `{ rows }`. For the few hot statements where Drizzle's own per-query
 * work is a measurable share (on PGlite about 0.45 ms a query, set-up of its type parsers).
 */
import type { Db } from "./types";

export type RawClient = {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
};

export function rawClient(db: Db): RawClient {
  const client = (db as unknown as { $client?: RawClient }).$client;
  if (!client || typeof client.query !== "function") throw new TypeError("this database exposes no driver client with query(text, params)");
  return client;
}

/** A PostgreSQL array literal for a `$n::type[]` parameter; values are quoted and escaped, so any text is safe. */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}
