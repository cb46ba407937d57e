/** Raw-SQL result rows, the same shape from PGlite and node-postgres. */
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "../types";

export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** numeric/int8 values arrive as strings or numbers depending on the driver. */
export const big = (v: unknown): bigint => (v === null || v === undefined ? 0n : BigInt(v as string));
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
