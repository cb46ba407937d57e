import { getAddress, type Address } from "viem";
import type { Listing, TicketDetail, Transfer } from "../../lib/indexer-client/schemas";

export type HistoryEntry = {
  kind:
    | "minted"
    | "transferred"
    | "sold"
    | "recovered"
    | "returned"
    | "listed"
    | "checked-in"
    | "admitted"
    | "refunded";
  from?: Address;
  to?: Address;
  price?: bigint;
  /** Null for what the indexer knows without a block (a gate admission not yet on chain, a refund). */
  blockNumber: number | null;
  /** ISO time where the indexer has one (a gate admission); block times are not mirrored. */
  at: string | null;
  key: string;
};

const KIND_OF: Record<Transfer["kind"], HistoryEntry["kind"]> = {
  mint: "minted",
  transfer: "transferred",
  sale: "sold",
  recovery: "recovered",
  waitlist: "returned",
};

/**
 * A ticket's history, oldest first, from the indexer's ticket detail (transfers, check-in, refund)
 * and the ticket's listings: what the app used to rebuild from five log queries from block 0.
 *
 * @example
 * ticketHistory(await indexer.ticket(c, 1n), (await indexer.listings({ contract: c, tokenId: 1n, status: "all" })).listings)
 */
export function ticketHistory(detail: TicketDetail, listings: readonly Listing[]): HistoryEntry[] {
  type Placed = HistoryEntry & { order: [number, number] };
  const placed: Placed[] = [
    ...detail.provenance.map(
      (t): Placed => ({
        kind: KIND_OF[t.kind],
        ...(t.kind === "mint" ? {} : { from: getAddress(t.from) }),
        to: getAddress(t.to),
        ...(t.price === null ? {} : { price: BigInt(t.price) }),
        blockNumber: t.blockNumber,
        at: null,
        key: `${t.txHash}-${t.logIndex}`,
        order: [t.blockNumber, t.logIndex],
      }),
    ),
    // A listing's log index is not served: it sorts before the block's transfers (a sale comes after its listing).
    ...listings.map(
      (l): Placed => ({
        kind: "listed",
        from: getAddress(l.seller),
        price: BigInt(l.price),
        blockNumber: l.blockNumber,
        at: null,
        key: `listed-${l.txHash}`,
        order: [l.blockNumber, -1],
      }),
    ),
  ];
  const t = detail.ticket;
  if (t.checkedInOnChain && t.checkedInBlock !== null) {
    placed.push({
      kind: "checked-in",
      blockNumber: t.checkedInBlock,
      at: t.checkedInAt,
      key: "checked-in",
      order: [t.checkedInBlock, Number.MAX_SAFE_INTEGER],
    });
  }
  const sorted = placed
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ order: _, ...e }) => e);
  // Known without a block: after everything that has one.
  if (t.checkedIn && !t.checkedInOnChain)
    sorted.push({ kind: "admitted", blockNumber: null, at: t.checkedInAt, key: "admitted" });
  if (t.refunded)
    sorted.push({ kind: "refunded", to: getAddress(t.owner), blockNumber: null, at: null, key: "refunded" });
  return sorted;
}
