import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageShell } from "../../components/PageShell";
import { OrderView } from "../../components/orders/OrderView";

export const metadata: Metadata = { title: "Receipt" };

/** A purchase's receipt, by its transaction hash (rebuilt from the chain's receipt and the indexer; nothing stored). */
export default async function OrderPage({ params }: { params: Promise<{ txHash: string }> }) {
  const { txHash } = await params;
  if (!/^0x[0-9a-fA-F]{64}$/.test(txHash)) notFound();
  return (
    <PageShell subtitle="Receipt">
      <OrderView hash={txHash.toLowerCase() as `0x${string}`} />
    </PageShell>
  );
}
