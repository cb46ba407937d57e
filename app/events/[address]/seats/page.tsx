import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { PageShell } from "../../../components/PageShell";
import { SeatPicker } from "../../../components/seats/SeatPicker";
import { eventPageMetadata } from "../../../config/page-title";

export async function generateMetadata({ params }: { params: Promise<{ address: string }> }) {
  return eventPageMetadata((await params).address, "Seats", "Seats · ");
}

/** The event's seat map: pick seats and hold them during checkout. */
export default async function SeatsPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  if (!isAddress(address)) notFound();
  return (
    <PageShell subtitle="Seats">
      <SeatPicker address={address} />
    </PageShell>
  );
}
