/** Where an entry stands: state, position, fans ahead and the estimated wait. Pure. */
import { getAddress } from "viem";
import type { OnsaleEntryStatus } from "../../../lib/onsale/types";
import type { onsaleEntries } from "../../db/schema";
import type { SaleRow } from "../sales/sale-row";

export type EntryRow = typeof onsaleEntries.$inferSelect;

export function admissionExpiresAt(sale: SaleRow, entry: EntryRow): Date | null {
  return entry.admittedAt ? new Date(entry.admittedAt.getTime() + sale.admissionTtlSeconds * 1000) : null;
}

export function entryStatus(sale: SaleRow, entry: EntryRow, now: Date): OnsaleEntryStatus {
  const expires = admissionExpiresAt(sale, entry);
  const state = entry.voucherNonce
    ? "voucher"
    : expires
      ? now > expires
        ? "expired"
        : "admitted"
      : entry.position === null
        ? "early"
        : "waiting";
  // Admission follows position order, so everyone at or below `admittedThrough` is in.
  const ahead =
    entry.position === null ? null : entry.admittedAt ? 0 : Math.max(0, entry.position - sale.admittedThrough - 1);
  const untilOpen = Math.max(0, (sale.opensAt.getTime() - now.getTime()) / 1000);
  return {
    saleId: sale.id,
    state,
    position: entry.position,
    ahead,
    estimatedWaitSeconds: ahead === null ? null : Math.ceil(untilOpen + ahead / sale.admitPerSecond),
    opensAt: sale.opensAt.toISOString(),
    joinedAt: entry.joinedAt.toISOString(),
    admittedAt: entry.admittedAt?.toISOString() ?? null,
    admissionExpiresAt: expires?.toISOString() ?? null,
    wallet: entry.wallet ? getAddress(entry.wallet) : null,
  };
}
