"use client";

import { gateZoneName } from "../../gate/gate-zone-name";
import { useIndexerQuery } from "../../hooks/useIndexerQuery";
import type { GateSession } from "../../../lib/indexer-client/gate";

/** What the steward is checking: the event's name (from the indexer) and the gate's zone by name. */
export function GateEventTitle({ session }: { session: GateSession }) {
  const event = useIndexerQuery((indexer, url) => ({
    queryKey: ["indexer", url, "gate-event", session.contract.toLowerCase()] as const,
    queryFn: ({ signal }) => indexer.event(session.contract, { signal }),
    staleTime: 60_000,
    retry: 1,
  }));
  const name = event.data?.event.name;
  return (
    <div className="gate-title" data-testid="gate-event" data-state={name ? "named" : "loading"}>
      <h2 data-testid="gate-event-name">{name ?? (event.isError ? "This event" : "Loading the event…")}</h2>
      <p className="muted" data-testid="gate-zone" data-zone={session.zone}>
        {gateZoneName(session.zone)} entrance · gate {session.gateId}
      </p>
    </div>
  );
}
