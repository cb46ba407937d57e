/** Loading a sale and turning its row into the public JSON shape. */
import { eq } from "drizzle-orm";
import { getAddress } from "viem";
import type { OnsaleSale } from "../../../lib/onsale/types";
import { onsaleSales } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { OnsaleError } from "../onsale-error";

export type SaleRow = typeof onsaleSales.$inferSelect;

/** What a sale id may look like (also checked at creation). */
export const SALE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function loadSale(db: DbOrTx, saleId: string, lock = false): Promise<SaleRow> {
  // No such sale can exist, and some strings (NUL bytes) make the database itself throw.
  if (!SALE_ID_PATTERN.test(saleId)) throw new OnsaleError("UNKNOWN_SALE", saleId.slice(0, 64));
  const q = db.select().from(onsaleSales).where(eq(onsaleSales.id, saleId));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new OnsaleError("UNKNOWN_SALE", saleId);
  return row;
}

export function saleView(s: SaleRow): OnsaleSale {
  return {
    id: s.id,
    contract: getAddress(s.contract),
    tier: s.tier,
    opensAt: s.opensAt.toISOString(),
    admitPerSecond: s.admitPerSecond,
    lottery: s.lottery,
    powBits: s.powBits,
    maxPerIdentity: s.maxPerIdentity,
    identityRequired: s.identityRequired,
    ipJoinsPerMinute: s.ipJoinsPerMinute,
    walletRequestsPerMinute: s.walletRequestsPerMinute,
    admissionTtlSeconds: s.admissionTtlSeconds,
    voucherTtlSeconds: s.voucherTtlSeconds,
    drawn: s.drawnAt !== null,
    queued: s.nextPosition - 1,
    admittedThrough: s.admittedThrough,
  };
}
