import Link from "next/link";
import type { Ticket } from "../../lib/indexer-client/schemas";
import { shortAddress } from "../format/short-address";
import { seatLabel } from "../../lib/seating/venue-layout";
import { bindingStatus } from "../tickets/binding-status";
import { ticketStatus } from "../../lib/ticket-status/ticket-status";

/** One ticket: event, token number, contract and whether it has been used at the gate. */
export function TicketCard({ ticket }: { ticket: Ticket }) {
  const s = ticketStatus({
    refunded: ticket.refunded,
    eventCancelled: ticket.eventCancelled,
    checkedInOnChain: ticket.checkedInOnChain,
    admittedAt: ticket.checkedInAt,
  });
  const status = s.code;
  const binding = s.code !== "valid" ? null : bindingStatus(ticket, Math.floor(Date.now() / 1000));
  return (
    <li
      className="ticket-card"
      data-testid="ticket-card"
      data-contract={ticket.contract}
      data-token-id={ticket.tokenId}
      data-status={status}
    >
      <div className="ticket-main">
        <h3 className="ticket-event">
          <Link href={`/tickets/${ticket.contract}/${ticket.tokenId}`} data-testid="ticket-link">
            {ticket.eventName ?? "Untitled event"}
          </Link>
        </h3>
        <div className="ticket-meta">
          <span>Ticket #{ticket.tokenId}</span>
          {ticket.seat && <span data-testid="ticket-seat">{seatLabel(ticket.seat)}</span>}
          <span className="muted" title={ticket.contract}>
            {shortAddress(ticket.contract)}
          </span>
        </div>
        {binding && (binding.state === "due-soon" || binding.state === "missed") && (
          <p className="notice small" data-testid="ticket-binding-warning" data-binding={binding.state}>
            {binding.text}
          </p>
        )}
      </div>
      <span
        className={`badge ${status === "admitted" ? "checked-in" : status}`}
        data-testid="ticket-status"
        data-status={status}
        title={s.lockedReason ?? undefined}
      >
        {s.text}
      </span>
    </li>
  );
}
