import type { TicketStatus } from "../../../lib/ticket-status/ticket-status";
import { seatLabel } from "../../../lib/seating/venue-layout";
import type { Ticket } from "../../../lib/indexer-client/schemas";
import { formatTime } from "../../format/ticket-words";
import { shortAddress } from "../../format/short-address";
import { formatEventTime, tierName } from "../../../lib/event-content/display";
import { useEventContent } from "../../hooks/useEventContent";

/** Who and what the pass is for, readable by door staff at a glance: event, date, tier, seat, holder, status. */
export function PassIdentity({ ticket, status }: { ticket: Ticket; status: TicketStatus }) {
  const content = useEventContent(ticket.contract).data?.content;
  return (
    <dl className="pass-identity" data-testid="pass-identity" data-status={status.code}>
      <dt>Event</dt>
      <dd data-testid="pass-event">{ticket.eventName ?? "Unnamed event"}</dd>
      <dt>Date</dt>
      <dd data-testid="pass-date">
        {ticket.startTime === null
          ? "Not set"
          : content
            ? formatEventTime(ticket.startTime, content.timeZone)
            : formatTime(BigInt(ticket.startTime))}
      </dd>
      <dt>Tier</dt>
      <dd data-testid="pass-tier">{ticket.tier === null ? "Unknown" : tierName(content, ticket.tier)}</dd>
      <dt>Seat</dt>
      <dd data-testid="pass-seat">{ticket.seat ? seatLabel(ticket.seat) : "General admission"}</dd>
      {content?.venue && (
        <>
          <dt>Venue</dt>
          <dd data-testid="pass-venue">{content.venue.name}</dd>
        </>
      )}
      <dt>Holder</dt>
      <dd data-testid="pass-holder" title={ticket.owner}>
        {shortAddress(ticket.owner)}
      </dd>
      <dt>Status</dt>
      <dd data-testid="pass-status">{status.text}</dd>
    </dl>
  );
}
