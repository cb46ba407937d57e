"use client";

import Link from "next/link";
import { useEvents } from "../../hooks/useEvents";
import { formatTime } from "../../format/ticket-words";
import { Empty, ErrorState, Loading } from "../QueryStates";

/** Events from the indexer, newest first. */
export function EventList() {
  const events = useEvents();
  if (events.isPending) return <Loading testId="events-loading">Loading events…</Loading>;
  if (events.isError)
    return <ErrorState error={events.error} retry={() => void events.refetch()} testId="events-error" />;
  if (events.data.events.length === 0)
    return <Empty testId="events-empty">No events yet. Organizers create them on the Organizer page.</Empty>;
  return (
    <section className="stack">
      <h2>Events</h2>
      <ul className="list-plain" data-testid="event-list">
        {events.data.events.map((e) => (
          <li key={e.address} className="tier-card" data-testid="event-item" data-address={e.address}>
            <Link href={`/events/${e.address}`}>
              <strong>{e.name}</strong>
            </Link>
            <div className="muted small">
              {e.startTime ? formatTime(BigInt(e.startTime)) : "date to be announced"}
              {e.ticketCount !== null && ` · ${e.ticketCount} tickets issued`}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
