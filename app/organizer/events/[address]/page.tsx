import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { ManageEvent } from "../../../components/organizer/ManageEvent";
import { PageShell } from "../../../components/PageShell";
import { eventPageMetadata } from "../../../config/page-title";

export async function generateMetadata({ params }: { params: Promise<{ address: string }> }) {
  return eventPageMetadata((await params).address, "Manage event", "Manage · ");
}

/** One event, for its organizer: mint, cancel, withdraw, live dashboard. */
export default async function ManageEventPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  if (!isAddress(address)) notFound();
  return (
    <PageShell subtitle="Organizer">
      <ManageEvent address={address} />
    </PageShell>
  );
}
