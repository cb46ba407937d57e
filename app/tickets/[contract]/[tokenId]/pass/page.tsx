import { isAddress } from "viem";
import { notFound } from "next/navigation";
import { PassView } from "../../../../components/pass/PassView";
import { eventPageMetadata } from "../../../../config/page-title";

export async function generateMetadata({ params }: { params: Promise<{ contract: string; tokenId: string }> }) {
  return eventPageMetadata((await params).contract, "Pass", "Pass · ");
}

/** The full-screen rotating pass shown at the door. */
export default async function PassPage({ params }: { params: Promise<{ contract: string; tokenId: string }> }) {
  const { contract, tokenId } = await params;
  if (!isAddress(contract) || !/^\d{1,78}$/.test(tokenId)) notFound();
  return <PassView contract={contract} tokenId={BigInt(tokenId)} />;
}
