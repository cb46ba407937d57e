/**
 * One admission step for one sale: with the sale row locked (so instances take turns), draw the
 * lottery if due, then admit the next `rate × elapsed` waiting entries in position order.
 * A pause (restart, slow tick) never releases more than `MAX_BURST_SECONDS` worth at once.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { onsaleEntries, onsaleSales } from "../../db/schema";
import type { Db } from "../../db/types";
import { loadSale } from "../sales/sale-row";
import { drawLottery } from "./draw-lottery";

export const MAX_BURST_SECONDS = 2;

export type TickResult = { admitted: number[]; admittedThrough: number };

export async function admitTick(db: Db, saleId: string, now: Date, randomInt?: (n: number) => number): Promise<TickResult> {
  return db.transaction(async (tx) => {
    let sale = await loadSale(tx, saleId, true);
    if (now < sale.opensAt) return { admitted: [], admittedThrough: sale.admittedThrough };
    sale = await drawLottery(tx, sale, now, randomInt);
    const since = sale.lastAdmitAt ?? sale.opensAt;
    const elapsed = Math.max(0, (now.getTime() - since.getTime()) / 1000);
    const cap = Math.max(1, sale.admitPerSecond * MAX_BURST_SECONDS);
    const owed = Math.min(cap, sale.admitCarry + elapsed * sale.admitPerSecond);
    const take = Math.floor(owed);
    let admitted: number[] = [];
    if (take > 0) {
      const next = tx
        .select({ id: onsaleEntries.id })
        .from(onsaleEntries)
        .where(and(eq(onsaleEntries.saleId, saleId), isNull(onsaleEntries.admittedAt), isNotNull(onsaleEntries.position)))
        .orderBy(asc(onsaleEntries.position))
        .limit(take);
      const rows = await tx
        .update(onsaleEntries)
        .set({ admittedAt: now })
        .where(inArray(onsaleEntries.id, next))
        .returning({ position: onsaleEntries.position });
      admitted = rows.map((r) => r.position!).sort((a, b) => a - b);
    }
    const admittedThrough = Math.max(sale.admittedThrough, admitted.at(-1) ?? 0);
    await tx
      .update(onsaleSales)
      .set({ lastAdmitAt: now, admitCarry: owed - admitted.length, admittedThrough })
      .where(eq(onsaleSales.id, saleId));
    return { admitted, admittedThrough };
  });
}
