import type { Metadata } from "next";
import { EventList } from "../components/events/EventList";
import { PageShell } from "../components/PageShell";

export const metadata: Metadata = { title: "Events" };

/** Every event on this chain: pick one to buy tickets. */
export default function EventsPage() {
  return (
    <PageShell subtitle="Events on sale">
      <EventList />
    </PageShell>
  );
}
