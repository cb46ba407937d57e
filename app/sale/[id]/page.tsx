import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageShell } from "../../components/PageShell";
import { WaitingRoom } from "../../components/sale/WaitingRoom";

export const metadata: Metadata = { title: "Waiting room" };

/** The virtual waiting room of one primary sale: `/sale/<sale id>`. */
export default async function SalePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Sale ids are short slugs the organizer picks; anything else cannot be a sale.
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) notFound();
  return (
    <PageShell subtitle="On-sale">
      <WaitingRoom saleId={id} />
    </PageShell>
  );
}
