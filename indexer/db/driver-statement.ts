/**
 * Prepared statements through each driver's public API: node-postgres named queries (parsed once per pooled
 * connection, bound per call) and PGlite's `query` (parsed per call: slower, but it needs nothing private).
 * Every column comes back as text (null stays null), in the statement's column order, as on the wire path.
 */
import type { PreparedStatement } from "./prepared-statement";

export type NodePostgresPool = {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
    rowMode: "array";
    types: { getTypeParser: () => (v: string) => string };
  }): Promise<{ rows: (string | null)[][] }>;
};

// Raw text on every column: the caller converts, so both drivers answer alike.
const AS_TEXT = { getTypeParser: () => (v: string) => v };

export function nodePostgresPrepared(pool: NodePostgresPool, name: string, text: string): PreparedStatement {
  return async (values) =>
    (await pool.query({ name, text, values: [...values], rowMode: "array", types: AS_TEXT })).rows;
}

/** PGlite's public query surface. */
export type PgliteQuery = {
  /** The type parsers PGlite applies (its defaults plus the array types it found at start-up). */
  parsers: Record<number | string, unknown>;
  query<T>(
    text: string,
    params: unknown[],
    options: { rowMode: "array"; parsers: Record<number | string, (v: string) => unknown> },
  ): Promise<{ rows: T[] }>;
};

const asText = (v: string) => v;
const textParsersOf = new WeakMap<object, Record<string, (v: string) => string>>();

/** Every type PGlite would parse, answered with its text instead (a type it does not parse is text already). */
function textParsers(pg: PgliteQuery): Record<string, (v: string) => string> {
  let table = textParsersOf.get(pg);
  if (!table) {
    table = Object.fromEntries(Object.keys(pg.parsers).map((oid) => [oid, asText]));
    textParsersOf.set(pg, table);
  }
  return table;
}

export function pgliteQueryPrepared(pg: PgliteQuery, text: string): PreparedStatement {
  return async (values) =>
    (await pg.query<(string | null)[]>(text, [...values], { rowMode: "array", parsers: textParsers(pg) })).rows;
}
