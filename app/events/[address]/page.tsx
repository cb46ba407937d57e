import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { EventDetail } from "../../components/events/EventDetail";
import { PageShell } from "../../components/PageShell";
import { eventPageMetadata } from "../../config/page-title";

export async function generateMetadata({ params }: { params: Promise<{ address: string }> }) {
  return eventPageMetadata((await params).address, "Event", "");
}

/** One event: rules, tiers with primary sale, resale listings. */
export default async function EventPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  if (!isAddress(address)) notFound();
  return (
    <PageShell subtitle="Event">
      <EventDetail address={address} />
    </PageShell>
  );
}
