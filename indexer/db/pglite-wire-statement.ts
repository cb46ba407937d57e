/**
 * The gate's fast path on PGlite: a named statement parsed once, then one trip per call (Bind + Execute +
 * Sync) through PGlite's protocol entry point. PGlite's `query(text, params)` makes six trips into its WASM
 * backend per call, so a one-row gate_admit cost ~1.0 ms of the gate's main thread where the statement itself
 * is well under half of it (measured: 1 row 1.06 → 0.61 ms, 8 rows 2.35 → 0.78 ms).
 *
 * It relies on PGlite internals (`execProtocol`, `_runExclusiveQuery`, `_runExclusiveTransaction`,
 * `_checkReady`), so it runs only on the PGlite version it was verified against; any other version gets the
 * public-API path (driver-statement.ts) and a pinned test fails until someone re-verifies and bumps the pin.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { concatBytes } from "viem";
import type { PreparedStatement } from "./prepared-statement";

/** The PGlite release whose internals this file was verified against (package.json pins the same version). */
export const PGLITE_WIRE_VERSION = "0.5.16";

/** The PGlite surface used here: its protocol entry point and the two locks its own `query` takes. */
export type PgliteProtocol = {
  execProtocol(message: Uint8Array): Promise<{ messages: { name: string; fields?: (string | null)[] }[] }>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Throws once the database is closed (as query() does), instead of running on a closed backend. */
  _checkReady(): Promise<void>;
};

/** SQLSTATE 26000: the session holds no statement by that name (e.g. after a backend reset). */
const INVALID_STATEMENT_NAME = "26000";
/** SQLSTATE 42P05: the session already holds it (another caller on this PGlite prepared it). */
const DUPLICATE_STATEMENT = "42P05";

/** Per PGlite instance (one session): the statements prepared in it, by name, with their text. */
const preparedIn = new WeakMap<object, Map<string, string>>();

let installed: string | undefined;

/** The installed PGlite's version, read from its package.json once per process. */
export function installedPgliteVersion(): string {
  installed ??= readPgliteVersion();
  return installed;
}

function readPgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
    } catch {
      // not this folder: keep walking up
    }
  }
  return "unknown";
}

/** True when `client` is a PGlite of the verified version with the internals this path calls. */
export function pgliteWireSupported(client: unknown): client is PgliteProtocol {
  const c = client as Partial<PgliteProtocol> | undefined;
  return (
    typeof c?.execProtocol === "function" &&
    typeof c._runExclusiveQuery === "function" &&
    typeof c._runExclusiveTransaction === "function" &&
    typeof c._checkReady === "function" &&
    installedPgliteVersion() === PGLITE_WIRE_VERSION
  );
}

export function pgliteWirePrepared(pg: PgliteProtocol, name: string, text: string): PreparedStatement {
  const session = preparedIn.get(pg) ?? new Map<string, string>();
  preparedIn.set(pg, session);
  const known = session.get(name);
  if (known !== undefined && known !== text)
    throw new TypeError(`prepared statement ${name} already holds another statement`);
  // The same locks as PGlite's own query(): never inside another caller's open transaction.
  const exclusive = <T>(fn: () => Promise<T>) => pg._runExclusiveTransaction(() => pg._runExclusiveQuery(fn));
  const run = async (values: readonly (string | null)[]) => {
    if (!session.has(name)) {
      await pg.execProtocol(concatBytes([parseMessage(name, text), SYNC])).catch((error: unknown) => {
        if ((error as { code?: string }).code !== DUPLICATE_STATEMENT) throw error;
      });
      session.set(name, text);
    }
    const { messages } = await pg.execProtocol(concatBytes([bindMessage(name, values), EXECUTE, SYNC]));
    const rows: (string | null)[][] = [];
    for (const m of messages) if (m.name === "dataRow" && m.fields) rows.push(m.fields);
    return rows;
  };
  return async (values) => {
    await pg._checkReady();
    return exclusive(async () => {
      try {
        return await run(values);
      } catch (error) {
        if ((error as { code?: string }).code !== INVALID_STATEMENT_NAME) throw error;
        session.delete(name);
        return run(values);
      }
    });
  };
}

// PostgreSQL frontend messages (protocol 3.0), text format throughout.
const encoder = new TextEncoder();

function message(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + body.length);
  out.set(body, 5);
  return out;
}

const cstring = (s: string) => concatBytes([encoder.encode(s), new Uint8Array([0])]);
const int16 = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n);
  return b;
};

/** Parse: named statement; parameter types come from the text's casts. */
function parseMessage(name: string, text: string): Uint8Array {
  return message("P", concatBytes([cstring(name), cstring(text), int16(0)]));
}

/** Bind: unnamed portal, all parameters and results in text format. */
function bindMessage(name: string, values: readonly (string | null)[]): Uint8Array {
  const parts: Uint8Array[] = [cstring(""), cstring(name), int16(0), int16(values.length)];
  for (const v of values) {
    if (v === null) parts.push(int32(-1));
    else {
      const bytes = encoder.encode(v);
      parts.push(int32(bytes.length), bytes);
    }
  }
  parts.push(int16(0));
  return message("B", concatBytes(parts));
}

/** Execute the unnamed portal, all rows; then Sync ends the implicit transaction (and any error). */
const EXECUTE = message("E", concatBytes([cstring(""), int32(0)]));
const SYNC = message("S", new Uint8Array(0));
