import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { ManageEvent } from "../../../components/organizer/ManageEvent";
import { PageShell } from "../../../components/PageShell";

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
