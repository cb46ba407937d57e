"use client";

import type { Address } from "viem";
import { formatPrice, NATIVE_CURRENCY, type Currency } from "../../../lib/currency/currency";
import { useTicketHistory } from "../../hooks/useTicket";
import { shortAddress } from "../../format/short-address";
import type { HistoryEntry } from "../../queries/ticket-history";
import { Empty, IndexerErrorState, Loading } from "../QueryStates";

function describe(e: HistoryEntry, currency: Currency): string {
  const who = (a?: Address) => (a ? shortAddress(a) : "?");
  const price = formatPrice(e.price ?? 0n, currency);
  switch (e.kind) {
    case "minted":
      return `Issued to ${who(e.to)}`;
    case "transferred":
      return `Sent from ${who(e.from)} to ${who(e.to)}`;
    case "sold":
      return `Resold by ${who(e.from)} to ${who(e.to)} for ${price}`;
    case "recovered":
      return `Moved by the organizer from ${who(e.from)} to ${who(e.to)} (lost-wallet recovery)`;
    case "returned":
      return `Returned to the waitlist by ${who(e.from)}: ${who(e.to)} got it for ${price}`;
    case "listed":
      return `Listed for resale by ${who(e.from)} at ${price}`;
    case "checked-in":
      return "Checked in (recorded on chain)";
    case "admitted":
      return "Admitted at the gate";
    case "refunded":
      return `Refunded to ${who(e.to)}`;
  }
}

function when(e: HistoryEntry): string | null {
  if (e.at) return new Date(e.at).toLocaleString();
  return e.blockNumber === null ? null : `block ${e.blockNumber.toLocaleString("en-US")}`;
}

/** Every hop of the ticket, oldest first, from the indexer. */
export function ProvenanceTimeline({
  contract,
  tokenId,
  currency = NATIVE_CURRENCY,
}: {
  contract: Address;
  tokenId: bigint;
  currency?: Currency;
}) {
  const history = useTicketHistory(contract, tokenId);
  return (
    <section className="panel stack">
      <h2>History</h2>
      {history.isPending ? (
        <Loading testId="provenance-loading">Loading history…</Loading>
      ) : history.isError ? (
        <IndexerErrorState
          error={history.error}
          what="this ticket's history"
          retry={() => void history.refetch()}
          testId="provenance-error"
        />
      ) : history.data.length === 0 ? (
        <Empty testId="provenance-empty">No history found.</Empty>
      ) : (
        <ol className="timeline" data-testid="provenance">
          {history.data.map((e) => (
            <li key={e.key} data-testid="provenance-entry" data-kind={e.kind}>
              {describe(e, currency)}
              {when(e) && <div className="muted small">{when(e)}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
