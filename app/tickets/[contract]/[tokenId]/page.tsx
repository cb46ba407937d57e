import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { PageShell } from "../../../components/PageShell";
import { TicketDetail } from "../../../components/ticket/TicketDetail";
import { eventPageMetadata } from "../../../config/page-title";

export async function generateMetadata({ params }: { params: Promise<{ contract: string; tokenId: string }> }) {
  return eventPageMetadata((await params).contract, "Ticket", "Ticket · ");
}

/** One ticket: tier, zones, status, history, and what its holder can do with it. */
export default async function TicketPage({ params }: { params: Promise<{ contract: string; tokenId: string }> }) {
  const { contract, tokenId } = await params;
  if (!isAddress(contract) || !/^\d{1,78}$/.test(tokenId)) notFound();
  return (
    <PageShell subtitle="Ticket">
      <TicketDetail contract={contract} tokenId={BigInt(tokenId)} />
    </PageShell>
  );
}
