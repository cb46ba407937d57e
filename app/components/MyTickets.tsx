"use client";

import { useConnection } from "wagmi";
import { IndexerClientError } from "../../lib/indexer-client/errors";
import { useIsMounted } from "../hooks/useIsMounted";
import { useRuntimeConfig } from "../hooks/useRuntimeConfig";
import { useTickets } from "../hooks/useTickets";
import { TicketCard } from "./TicketCard";

function describe(error: Error, indexerUrl: string): string {
  if (error instanceof IndexerClientError && error.code === "INDEXER_UNREACHABLE") {
    return `${error.shortMessage} Tried ${indexerUrl}. Start the whole stack with npm start, or set INDEXER_URL.`;
  }
  return error instanceof IndexerClientError ? error.shortMessage : error.message;
}

/** The connected wallet's tickets, kept fresh by the indexer's change stream. */
export function MyTickets() {
  const mounted = useIsMounted();
  const { address, status } = useConnection();
  const { indexerUrl } = useRuntimeConfig();
  const tickets = useTickets(status === "connected" ? address : undefined);

  if (!mounted || status !== "connected") {
    return (
      <section className="tickets" data-testid="tickets-disconnected">
        <p className="muted">Connect a wallet to see your tickets.</p>
      </section>
    );
  }

  if (tickets.isPending) {
    return (
      <section className="tickets" aria-busy="true" data-testid="tickets-loading">
        <p className="muted">Loading your tickets…</p>
      </section>
    );
  }

  if (tickets.isError && tickets.data === undefined) {
    return (
      <section className="tickets">
        <p className="error" role="alert" data-testid="tickets-error">
          {describe(tickets.error, indexerUrl)}
        </p>
      </section>
    );
  }

  const { tickets: list } = tickets.data!;
  return (
    <section className="tickets">
      <h2>
        My tickets <span className="muted small">({list.length})</span>
      </h2>
      {tickets.isError && (
        <p className="notice" role="status" data-testid="tickets-stale">
          Showing the last list we got. {describe(tickets.error, indexerUrl)}
        </p>
      )}
      {list.length === 0 ? (
        <p className="empty" data-testid="tickets-empty">
          No tickets in this wallet yet
        </p>
      ) : (
        <ul className="ticket-list" data-testid="ticket-list">
          {list.map((ticket) => (
            <TicketCard key={`${ticket.contract}-${ticket.tokenId}`} ticket={ticket} />
          ))}
        </ul>
      )}
    </section>
  );
}
