"use client";

import Link from "next/link";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { useEvent } from "../../hooks/useEvent";
import { ErrorState, Loading } from "../QueryStates";
import { EventFace } from "./EventFace";
import { EventRules } from "./EventRules";
import { SeatMapLink } from "../seats/SeatMapLink";
import { ResaleListings } from "./ResaleListings";
import { TierCard } from "./TierCard";

/** One event: rules, tiers on sale, resale listings. */
export function EventDetail({ address }: { address: Address }) {
  const event = useEvent(address);
  const { address: me } = useConnection();
  if (event.isPending) return <Loading testId="event-loading">Loading the event…</Loading>;
  if (event.isError) return <ErrorState error={event.error} retry={() => void event.refetch()} testId="event-error" />;
  const e = event.data;
  return (
    <div className="stack" data-testid="event-detail" data-address={e.address}>
      <section className="panel stack">
        <h2 data-testid="event-name">{e.name}</h2>
        <EventFace contract={e.address} startTime={e.startTime} />
        {e.cancelled && (
          <p className="banner-cancelled" data-testid="event-cancelled">
            This event is cancelled. Holders of bought tickets can claim a refund on each ticket&apos;s page.
          </p>
        )}
        <EventRules event={e} />
        <SeatMapLink address={e.address} />
        {me?.toLowerCase() === e.organizer.toLowerCase() && (
          <Link href={`/organizer/events/${e.address}`} data-testid="manage-link">
            Manage this event
          </Link>
        )}
      </section>
      <section className="panel stack">
        <h2>Tickets</h2>
        <ul className="list-plain" data-testid="tier-list">
          {e.tiers.map((tier) => (
            <TierCard key={tier.id} event={e} tier={tier} onBought={() => void event.refetch()} />
          ))}
        </ul>
      </section>
      <ResaleListings event={e} />
    </div>
  );
}
