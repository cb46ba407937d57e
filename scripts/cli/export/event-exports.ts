/** The three exports organizers ask for, as CSV text built from one snapshot. */
import type { EventSnapshot } from "../data/event-snapshot";
import { toCsv } from "./to-csv";

export const exportKinds = ["attendees", "checkins", "sales"] as const;
export type ExportKind = (typeof exportKinds)[number];

export function exportCsv(kind: ExportKind, s: EventSnapshot): string {
  const zonesOf = new Map(s.tiers.map((t) => [t.tier, t.zones]));
  const checkIn = new Map(s.checkIns.map((c) => [c.tokenId, c]));
  switch (kind) {
    case "attendees":
      return toCsv(
        ["token_id", "tier", "zones", "owner", "paid", "refunded", "checked_in", "check_in_source", "checked_in_at"],
        s.tickets.map((t) => {
          const c = checkIn.get(t.tokenId);
          return [
            t.tokenId,
            t.tier,
            zonesOf.get(t.tier),
            t.owner,
            t.paid,
            t.refunded,
            t.checkedIn,
            c?.source,
            c?.time?.toISOString(),
          ];
        }),
      );
    case "checkins":
      return toCsv(
        ["token_id", "tier", "holder", "source", "gate", "block", "tx_hash", "time"],
        s.checkIns.map((c) => [
          c.tokenId,
          c.tier,
          c.holder,
          c.source,
          c.gate,
          c.block,
          c.txHash,
          c.time?.toISOString(),
        ]),
      );
    case "sales":
      return toCsv(
        ["kind", "token_id", "tier", "buyer", "seller", "price_wei", "royalty_wei", "block", "tx_hash", "time"],
        s.sales.map((x) => [
          x.kind,
          x.tokenId,
          x.tier,
          x.buyer,
          x.seller,
          x.price,
          x.royalty,
          x.block,
          x.txHash,
          x.time?.toISOString(),
        ]),
      );
  }
}
