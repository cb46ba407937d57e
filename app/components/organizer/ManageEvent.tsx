"use client";

import Link from "next/link";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { useEvent } from "../../hooks/useEvent";
import { EventRules } from "../events/EventRules";
import { ErrorState, Loading } from "../QueryStates";
import { EventContentEditor } from "./EventContentEditor";
import { EventDashboard } from "./EventDashboard";
import { LifecyclePanel } from "./LifecyclePanel";
import { MintPanel } from "./MintPanel";
import { DoorStaffPanel } from "./DoorStaffPanel";
import { OnsalePanel } from "./OnsalePanel";
import { VenuePanel } from "./VenuePanel";

/** The organizer's view of one event. */
export function ManageEvent({ address }: { address: Address }) {
  const event = useEvent(address);
  const { address: me } = useConnection();
  if (event.isPending) return <Loading testId="event-loading">Loading the event…</Loading>;
  if (event.isError) return <ErrorState error={event.error} retry={() => void event.refetch()} testId="event-error" />;
  const e = event.data;
  const isOrganizer = me?.toLowerCase() === e.organizer.toLowerCase();
  const refresh = () => void event.refetch();
  return (
    <div className="stack" data-testid="manage-event" data-address={e.address}>
      <section className="panel stack">
        <h2 data-testid="event-name">{e.name}</h2>
        <EventRules event={e} />
        <div className="small">
          {e.tiers.map((t) => (
            <div key={t.id} data-testid="manage-tier" data-tier={t.id} data-minted={t.minted}>
              Tier {t.id}: {t.minted} of {t.supply} issued
            </div>
          ))}
        </div>
        <Link href={`/events/${e.address}`}>Public event page</Link>
      </section>
      {isOrganizer ? (
        <>
          <EventContentEditor event={e} />
          <MintPanel event={e} onMinted={refresh} />
          <OnsalePanel event={e} onChange={refresh} />
          <VenuePanel event={e} />
          <DoorStaffPanel event={e} />
          <LifecyclePanel event={e} onChange={refresh} />
        </>
      ) : (
        <p className="notice" data-testid="not-organizer">
          Connect the organizer&apos;s wallet to mint, open a waiting-room sale, invite door staff, cancel or withdraw.
          Anyone can see the dashboard.
        </p>
      )}
      <EventDashboard event={e} />
    </div>
  );
}
