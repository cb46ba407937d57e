"use client";

import Link from "next/link";
import { useConnection } from "wagmi";
import { useEvents } from "../../hooks/useEvents";
import { Empty, ErrorState, Loading } from "../QueryStates";

/** Events the connected wallet organizes. */
export function MyEvents() {
  const { address, status } = useConnection();
  const events = useEvents();
  if (status !== "connected")
    return <Empty testId="organizer-disconnected">Connect the organizer&apos;s wallet to manage its events.</Empty>;
  if (events.isPending) return <Loading testId="my-events-loading">Loading your events…</Loading>;
  if (events.isError)
    return <ErrorState error={events.error} retry={() => void events.refetch()} testId="my-events-error" />;
  const mine = events.data.events.filter((e) => e.organizer.toLowerCase() === address.toLowerCase());
  return (
    <section className="panel stack">
      <h2>Your events</h2>
      {mine.length === 0 ? (
        <Empty testId="my-events-empty">You have not created an event with this wallet yet.</Empty>
      ) : (
        <ul className="list-plain" data-testid="my-events">
          {mine.map((e) => (
            <li key={e.address} data-testid="my-event" data-address={e.address}>
              <Link href={`/organizer/events/${e.address}`}>{e.name}</Link>
              <span className="muted small"> · {e.ticketCount ?? 0} tickets</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
