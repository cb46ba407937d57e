/**
 * Bulk INSERT as `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`: one parameter per
 * column instead of one per value. The SQL text stays a few hundred bytes whatever the row count,
 * so neither Drizzle's builder nor Postgres's parser pays per row (≈ 3× faster than multi-row
 * VALUES on PGlite for a range of Transfer logs). Works the same on PGlite and node-postgres.
 */
import { sql, type SQL } from "drizzle-orm";

export type UnnestType = "int8" | "int4" | "text" | "numeric" | "bool";

/** One column: its SQL name, element type and one value per row (null allowed; bigint for numeric). */
export type UnnestColumn = {
  name: string;
  type: UnnestType;
  values: readonly (string | number | bigint | boolean | null)[];
};

/** Most rows per statement: bounds one statement's parameter text. */
export const ROWS_PER_UNNEST = 5_000;

/**
 * @example
 * await tx.execute(unnestInsert("transfers", [{ name: "block_number", type: "int8", values: [1] }], sql`ON CONFLICT DO NOTHING`));
 */
export function unnestInsert(table: string, columns: readonly UnnestColumn[], conflict: SQL): SQL {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const arrays = sql.join(
    columns.map(
      (c) => sql`${sql.param(c.values.map((v) => (typeof v === "bigint" ? v.toString() : v)))}::${sql.raw(c.type)}[]`,
    ),
    sql`, `,
  );
  return sql`INSERT INTO ${sql.raw(`"${table}"`)} (${names}) SELECT * FROM unnest(${arrays}) ${conflict}`;
}

/** Calls `write` with slices of `count` rows (start, end), ROWS_PER_UNNEST at a time. */
export async function inSlices(
  count: number,
  write: (start: number, end: number) => Promise<unknown>,
  size = ROWS_PER_UNNEST,
): Promise<void> {
  for (let i = 0; i < count; i += size) await write(i, Math.min(count, i + size));
}
