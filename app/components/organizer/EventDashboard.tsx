"use client";

import type { EventView } from "../../chain-reads/read-event";

/** Placeholder until the activity charts land. */
export function EventDashboard({ event }: { event: EventView }) {
  return <section className="panel" data-testid="dashboard" data-address={event.address} />;
}
