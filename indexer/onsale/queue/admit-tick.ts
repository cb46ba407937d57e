/**
 * One admission step for one sale: with the sale row locked (so instances take turns), draw the
 * lottery if due, then admit the next `rate × elapsed` waiting entries in position order.
 * A pause (restart, slow tick) never releases more than `MAX_BURST_SECONDS` worth at once.
 * With a known `supply`, each admitted entry holds `maxPerIdentity` tickets until it takes a
 * voucher (then holds what it took) or its admission expires (released here): nobody is admitted
 * unless stock is held for them, so once in, a slow fan is as sure of tickets as a fast bot.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { onsaleEntries, onsaleSales } from "../../db/schema";
import type { Db } from "../../db/types";
import { loadSale } from "../sales/sale-row";
import { drawLottery } from "./draw-lottery";

export const MAX_BURST_SECONDS = 2;

export type TickResult = { admitted: number[]; admittedThrough: number };

export async function admitTick(
  db: Db,
  saleId: string,
  clock: Date,
  randomInt?: (n: number) => number,
): Promise<TickResult> {
  return db.transaction(async (tx) => {
    let sale = await loadSale(tx, saleId, true);
    // Instances read their clocks before waiting for the sale's lock: the one that waited may hold
    // an earlier time than the tick before it. A sale's admission times never go backwards.
    const now = sale.lastAdmitAt && clock < sale.lastAdmitAt ? sale.lastAdmitAt : clock;
    if (now < sale.opensAt) return { admitted: [], admittedThrough: sale.admittedThrough };
    sale = await drawLottery(tx, sale, now, randomInt);
    const since = sale.lastAdmitAt ?? sale.opensAt;
    const elapsed = Math.max(0, (now.getTime() - since.getTime()) / 1000);
    const cap = Math.max(1, sale.admitPerSecond * MAX_BURST_SECONDS);
    const owed = Math.min(cap, sale.admitCarry + elapsed * sale.admitPerSecond);
    let held = sale.held;
    if (sale.supply > 0) {
      const expiredBefore = new Date(now.getTime() - sale.admissionTtlSeconds * 1000);
      const released = await tx
        .update(onsaleEntries)
        .set({ heldQuantity: 0 })
        .where(
          and(
            eq(onsaleEntries.saleId, saleId),
            gt(onsaleEntries.heldQuantity, 0),
            isNull(onsaleEntries.voucherNonce),
            lt(onsaleEntries.admittedAt, expiredBefore),
          ),
        )
        .returning({ q: onsaleEntries.heldQuantity });
      // returning() gives the new value (0); each released row held the cap.
      held -= released.length * sale.maxPerIdentity;
    }
    const stockSlots = sale.supply > 0 ? Math.max(0, Math.floor((sale.supply - held) / sale.maxPerIdentity)) : Infinity;
    const take = Math.min(Math.floor(owed), stockSlots);
    let admitted: number[] = [];
    if (take > 0) {
      const next = tx
        .select({ id: onsaleEntries.id })
        .from(onsaleEntries)
        .where(
          and(eq(onsaleEntries.saleId, saleId), isNull(onsaleEntries.admittedAt), isNotNull(onsaleEntries.position)),
        )
        .orderBy(asc(onsaleEntries.position))
        .limit(take);
      const rows = await tx
        .update(onsaleEntries)
        .set({ admittedAt: now, heldQuantity: sale.supply > 0 ? sale.maxPerIdentity : 0 })
        .where(inArray(onsaleEntries.id, next))
        .returning({ position: onsaleEntries.position });
      admitted = rows.map((r) => r.position!).sort((a, b) => a - b);
    }
    const admittedThrough = Math.max(sale.admittedThrough, admitted.at(-1) ?? 0);
    if (sale.supply > 0) held += admitted.length * sale.maxPerIdentity;
    // Out of stock (or queue): do not bank admissions for later, at most one.
    const carry = Math.min(owed - admitted.length, admitted.length < Math.floor(owed) ? 1 : cap);
    await tx
      .update(onsaleSales)
      .set({ lastAdmitAt: now, admitCarry: carry, admittedThrough, held })
      .where(eq(onsaleSales.id, saleId));
    return { admitted, admittedThrough };
  });
}
