"use client";

import Link from "next/link";
import type { EventSummary } from "../../../lib/indexer-client/schemas";
import { formatEventTime } from "../../../lib/event-content/display";
import { useEventContent } from "../../hooks/useEventContent";
import { useEvents } from "../../hooks/useEvents";
import { Empty, ErrorState, Loading } from "../QueryStates";

/** How many upcoming events the home page lists before "All events". */
const SHOWN = 8;

function UpcomingEvent({ event }: { event: EventSummary }) {
  const { data, imageSrc } = useEventContent(event.address);
  const c = data?.content;
  return (
    <li className="tier-card upcoming-event" data-testid="upcoming-event" data-address={event.address}>
      {imageSrc && (
        // biome-ignore lint/performance/noImgElement: any organizer's https host or the indexer's copy; next/image needs every host listed
        <img
          src={imageSrc}
          alt=""
          style={{ width: "100%", maxHeight: 160, objectFit: "cover", borderRadius: 6 }}
          data-testid="upcoming-image"
        />
      )}
      <Link href={`/events/${event.address}`}>
        <strong>{event.name}</strong>
      </Link>
      <div className="muted small">
        {formatEventTime(event.startTime, c?.timeZone)}
        {c?.venue && ` · ${c.venue.name}`}
      </div>
    </li>
  );
}

/** Events that have not started yet, soonest first, from the indexer: works without a wallet. */
export function UpcomingEvents() {
  const events = useEvents();
  if (events.isPending) return <Loading testId="upcoming-loading">Loading what is on…</Loading>;
  if (events.isError)
    return <ErrorState error={events.error} retry={() => void events.refetch()} testId="upcoming-error" />;
  const now = Date.now() / 1000;
  const upcoming = events.data.events
    .filter((e) => Number(e.startTime) > now)
    .sort((a, b) => Number(a.startTime) - Number(b.startTime));
  return (
    <section className="stack" data-testid="upcoming-events">
      <h2>What&apos;s on</h2>
      {upcoming.length === 0 ? (
        <Empty testId="upcoming-empty">
          Nothing on sale right now. Organizers create events on the Organizer page.
        </Empty>
      ) : (
        <ul className="list-plain" data-testid="upcoming-list">
          {upcoming.slice(0, SHOWN).map((e) => (
            <UpcomingEvent key={e.address} event={e} />
          ))}
        </ul>
      )}
      {upcoming.length > SHOWN && <Link href="/events">All {upcoming.length} upcoming events</Link>}
    </section>
  );
}
