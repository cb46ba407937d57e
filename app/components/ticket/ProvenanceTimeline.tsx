"use client";

import type { Address } from "viem";
import type { ProvenanceEntry } from "../../chain-reads/read-provenance";
import { formatPrice, NATIVE_CURRENCY, type Currency } from "../../../lib/currency/currency";
import { useProvenance } from "../../hooks/useTicket";
import { shortAddress } from "../../format/short-address";
import { Empty, ErrorState, Loading } from "../QueryStates";

function describe(e: ProvenanceEntry, currency: Currency): string {
  const who = (a?: Address) => (a ? shortAddress(a) : "?");
  switch (e.kind) {
    case "minted":
      return `Issued to ${who(e.to)}`;
    case "transferred":
      return `Sent from ${who(e.from)} to ${who(e.to)}`;
    case "sold":
      return `Resold by ${who(e.from)} to ${who(e.to)} for ${formatPrice(e.price ?? 0n, currency)}`;
    case "listed":
      return `Listed for resale by ${who(e.from)} at ${formatPrice(e.price ?? 0n, currency)}`;
    case "checked-in":
      return `Checked in at the gate (${who(e.from)})`;
    case "refunded":
      return `Refunded ${formatPrice(e.price ?? 0n, currency)} to ${who(e.to)}`;
  }
}

/** Every hop of the ticket, oldest first. */
export function ProvenanceTimeline({ contract, market, tokenId, currency = NATIVE_CURRENCY }: { contract: Address; market: Address; tokenId: bigint; currency?: Currency }) {
  const history = useProvenance(contract, market, tokenId);
  return (
    <section className="panel stack">
      <h2>History</h2>
      {history.isPending ? (
        <Loading testId="provenance-loading">Loading history…</Loading>
      ) : history.isError ? (
        <ErrorState error={history.error} retry={() => void history.refetch()} testId="provenance-error" />
      ) : history.data.length === 0 ? (
        <Empty testId="provenance-empty">No history found.</Empty>
      ) : (
        <ol className="timeline" data-testid="provenance">
          {history.data.map((e) => (
            <li key={`${e.txHash}-${e.logIndex}`} data-testid="provenance-entry" data-kind={e.kind}>
              {describe(e, currency)}
              <div className="muted small">{new Date(e.timestamp * 1000).toLocaleString()}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
