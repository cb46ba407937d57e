/**
 * Tickets promised per identity and per wallet in a sale. `reserve` raises the count only if it
 * stays within the cap (one conditional upsert: safe under concurrency and across instances).
 */
import { and, eq, sql } from "drizzle-orm";
import { onsaleQuotas } from "../../db/schema";
import type { DbTx } from "../../db/types";

export type QuotaKind = "identity" | "wallet";

/** true when reserved; false with the current holder when the cap would be exceeded. */
export async function reserveQuota(
  tx: DbTx,
  q: { saleId: string; kind: QuotaKind; key: string; quantity: number; cap: number; wallet: string },
): Promise<{ ok: true } | { ok: false; used: number; firstWallet: string }> {
  if (q.quantity > q.cap) {
    return { ok: false, used: 0, firstWallet: q.wallet };
  }
  const rows = await tx
    .insert(onsaleQuotas)
    .values({ saleId: q.saleId, kind: q.kind, key: q.key, used: q.quantity, firstWallet: q.wallet })
    .onConflictDoUpdate({
      target: [onsaleQuotas.saleId, onsaleQuotas.kind, onsaleQuotas.key],
      set: { used: sql`${onsaleQuotas.used} + ${q.quantity}` },
      setWhere: sql`${onsaleQuotas.used} + ${q.quantity} <= ${q.cap}`,
    })
    .returning({ used: onsaleQuotas.used });
  if (rows.length > 0) return { ok: true };
  const [current] = await tx
    .select()
    .from(onsaleQuotas)
    .where(and(eq(onsaleQuotas.saleId, q.saleId), eq(onsaleQuotas.kind, q.kind), eq(onsaleQuotas.key, q.key)));
  return { ok: false, used: current?.used ?? 0, firstWallet: current?.firstWallet ?? "" };
}
