import Link from "next/link";
import type { Ticket } from "../../lib/indexer-client/schemas";
import { shortAddress } from "../format/short-address";
import { bindingStatus } from "../tickets/binding-status";
import { ticketStatus } from "../../lib/ticket-status/ticket-status";
import { ticketLabel } from "../../lib/event-content/display";
import { EventFace } from "./events/EventFace";
import { TierName } from "./events/TicketWords";

/** One ticket: event, its seat or number, tier name, when and where, and whether it has been used at the gate. */
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
          <span data-testid={ticket.seat ? "ticket-seat" : "ticket-number"}>
            {ticketLabel(BigInt(ticket.tokenId), ticket.seat)}
          </span>
          <TierName contract={ticket.contract} tier={ticket.tier} />
          <span className="muted" title={ticket.contract}>
            {shortAddress(ticket.contract)}
          </span>
        </div>
        <EventFace contract={ticket.contract} startTime={ticket.startTime} compact />
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
