import { zeroAddress, type Address, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";

export type Listing = { tokenId: bigint; seller: Address; price: bigint; tier: number };

/**
 * The event's live resale listings: every `Listed` log, kept only where the market still holds
 * the listing and the seller still owns the ticket.
 */
export async function readListings(client: PublicClient, contract: Address, market: Address): Promise<Listing[]> {
  const logs = await client.getContractEvents({ address: market, abi: resaleMarketAbi, eventName: "Listed", args: { ticket: contract }, fromBlock: 0n, toBlock: "latest" });
  const tokenIds = [...new Set(logs.map((l) => l.args.tokenId!))];
  const rows = await Promise.all(
    tokenIds.map(async (tokenId) => {
      const [seller, price] = await client.readContract({ address: market, abi: resaleMarketAbi, functionName: "listings", args: [contract, tokenId] });
      if (seller === zeroAddress) return null;
      const [owner, tier] = await Promise.all([
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "ownerOf", args: [tokenId] }),
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "tierOf", args: [tokenId] }),
      ]);
      return owner.toLowerCase() === seller.toLowerCase() ? { tokenId, seller, price, tier: Number(tier) } : null;
    }),
  );
  return rows.filter((r): r is Listing => r !== null).sort((a, b) => (a.price < b.price ? -1 : 1));
}
