/**
 * The on-sale lottery: everyone who joined before the on-sale time gets a uniformly random
 * position among the early arrivals, drawn once when the sale opens. Arriving first, or with a
 * thousand entries at once, buys nothing but more tickets in the same draw.
 */
import { randomInt as cryptoRandomInt } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { onsaleEntries, onsaleSales } from "../../db/schema";
import type { DbTx } from "../../db/types";
import type { SaleRow } from "../sales/sale-row";

/** Fisher–Yates with an injectable source of uniform integers (crypto by default). */
export function shuffle<T>(items: readonly T[], randomInt: (n: number) => number = cryptoRandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draws positions 1..N for the sale's early entries. Call with the sale row locked; idempotent
 * (does nothing once `drawnAt` is set). Without `lottery`, early entries already hold FIFO positions.
 */
export async function drawLottery(
  tx: DbTx,
  sale: SaleRow,
  now: Date,
  randomInt?: (n: number) => number,
): Promise<SaleRow> {
  if (sale.drawnAt) return sale;
  let next = sale.nextPosition;
  if (sale.lottery) {
    const early = await tx
      .select({ id: onsaleEntries.id })
      .from(onsaleEntries)
      .where(and(eq(onsaleEntries.saleId, sale.id), isNull(onsaleEntries.position)))
      .orderBy(asc(onsaleEntries.id));
    const order = shuffle(
      early.map((e) => e.id),
      randomInt,
    );
    // One statement for the whole draw; ids and positions are integers, safe to inline as array literals.
    for (let i = 0; i < order.length; i += 5_000) {
      const ids = order.slice(i, i + 5_000);
      const positions = ids.map((_, k) => next + i + k);
      await tx.execute(sql`
        update onsale_entries e set position = v.pos
        from (select unnest(${sql.raw(`'{${ids.join(",")}}'::bigint[]`)}) as id,
                     unnest(${sql.raw(`'{${positions.join(",")}}'::int[]`)}) as pos) v
        where e.id = v.id`);
    }
    next += order.length;
  }
  const [updated] = await tx
    .update(onsaleSales)
    .set({ drawnAt: now, nextPosition: next, lastAdmitAt: now, admitCarry: 0 })
    .where(eq(onsaleSales.id, sale.id))
    .returning();
  return updated!;
}
