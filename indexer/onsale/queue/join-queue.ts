/**
 * A fan joins the queue. Before the on-sale time (lottery sales) the entry waits for the draw
 * without a position; afterwards it takes the next position at the back. The sale row is locked
 * for the insert, so positions are dense and unique across service instances.
 */
import { onsaleEntries, onsaleSales } from "../../db/schema";
import { eq } from "drizzle-orm";
import type { OnsaleJoinResult } from "../../../lib/onsale/types";
import type { OnsaleDeps } from "../onsale-deps";
import { newEntryToken } from "../entry-token";
import { loadSale } from "../sales/sale-row";
import { drawLottery } from "./draw-lottery";
import { entryStatus } from "./entry-status";

export async function joinQueue(deps: OnsaleDeps, saleId: string, ipHash: string): Promise<OnsaleJoinResult> {
  const now = deps.now();
  const { token, tokenHash } = newEntryToken();
  const { entry, sale } = await deps.db.transaction(async (tx) => {
    let sale = await loadSale(tx, saleId, true);
    if (now >= sale.opensAt) sale = await drawLottery(tx, sale, now, deps.randomInt);
    const early = now < sale.opensAt;
    let position: number | null = null;
    if (!early || !sale.lottery) {
      position = sale.nextPosition;
      [sale] = (await tx
        .update(onsaleSales)
        .set({ nextPosition: position + 1 })
        .where(eq(onsaleSales.id, saleId))
        .returning()) as [typeof sale];
    }
    const [entry] = await tx
      .insert(onsaleEntries)
      .values({ saleId, tokenHash, position, early, joinedAt: now, ipHash })
      .returning();
    return { entry: entry!, sale };
  });
  return { token, status: entryStatus(sale, entry, now) };
}
