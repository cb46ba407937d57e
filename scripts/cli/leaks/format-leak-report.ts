/**
 * The leak report as text lines (`fairgate leaks`, and the e2e test that prints it): a table per
 * channel, then each reported ticket with its reasons and chain of transfers.
 */
import { formatEther } from "viem";
import type { LeaksResponse } from "../../../lib/indexer-client/analytics-schemas";

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

export function formatLeakReport(r: LeaksResponse): string[] {
  const out = [
    `Leak report for ${r.contract}`,
    "",
    "channel      quota  mode        issued  reported  moved  listed  held by public buyer",
  ];
  for (const c of r.channels) {
    out.push(
      `${`${c.channel} ${c.name}`.padEnd(12)} ${String(c.quota ?? "-").padStart(5)}  ${(c.mode ?? "-").padEnd(10)}  ${String(c.issued).padStart(6)}  ${String(c.reported).padStart(8)}  ${String(c.moved).padStart(5)}  ${String(c.listed).padStart(6)}  ${String(c.heldByPublicBuyer).padStart(20)}`,
    );
  }
  out.push("");
  if (r.tickets.length === 0) out.push("No non-public ticket left its channel.");
  for (const t of r.tickets) {
    const why = [
      t.moves > 0 && `changed hands ${t.moves}×`,
      t.listings > 0 && `listed ${t.listings}×`,
      t.holderBoughtPublicly && "holder also bought publicly",
    ]
      .filter(Boolean)
      .join(", ");
    out.push(`#${t.tokenId} ${t.channelName} (tier ${t.tier ?? "?"}), held by ${t.holder}: ${why}`);
    for (const h of t.chain) {
      // A complimentary ticket moves on the market only at price 0: any payment for it was off chain.
      const price =
        h.price === null ? "" : h.price === "0" ? " for nothing on chain" : ` for ${formatEther(BigInt(h.price))} ETH`;
      out.push(`    block ${h.block}  ${h.kind.padEnd(8)} ${short(h.from)} → ${short(h.to)}${price}  tx ${h.txHash}`);
    }
  }
  if (r.tickets.length === r.limit) out.push(`(first ${r.limit} shown; raise --limit for more)`);
  return out;
}
