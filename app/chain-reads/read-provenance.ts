import { zeroAddress, type Address, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";

export type ProvenanceEntry = {
  kind: "minted" | "transferred" | "sold" | "listed" | "checked-in" | "refunded";
  from?: Address;
  to?: Address;
  price?: bigint;
  blockNumber: bigint;
  logIndex: number;
  timestamp: number;
  txHash: `0x${string}`;
};

/**
 * A ticket's history, oldest first: mint, transfers, resales (with price), listings, check-in,
 * refund. Read from the chain's logs (the indexer's provenance endpoint can replace this).
 */
export async function readProvenance(client: PublicClient, contract: Address, market: Address, tokenId: bigint): Promise<ProvenanceEntry[]> {
  const range = { fromBlock: 0n, toBlock: "latest" } as const;
  const [transfers, checkIns, refunds, sales, listings] = await Promise.all([
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "Transfer", args: { tokenId }, ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "CheckedIn", args: { tokenId }, ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "Refunded", args: { tokenId }, ...range }),
    client.getContractEvents({ address: market, abi: resaleMarketAbi, eventName: "Sold", args: { ticket: contract, tokenId }, ...range }),
    client.getContractEvents({ address: market, abi: resaleMarketAbi, eventName: "Listed", args: { ticket: contract, tokenId }, ...range }),
  ]);
  const saleTx = new Set(sales.map((s) => s.transactionHash));
  type Raw = Omit<ProvenanceEntry, "timestamp">;
  const at = (log: { blockNumber: bigint; logIndex: number; transactionHash: `0x${string}` }) => ({
    blockNumber: log.blockNumber,
    logIndex: log.logIndex,
    txHash: log.transactionHash,
  });
  const raw: Raw[] = [
    // A market sale emits Transfer and Sold in one transaction: show it once, as the sale.
    ...transfers
      .filter((t) => !saleTx.has(t.transactionHash))
      .map((t): Raw => ({ kind: t.args.from === zeroAddress ? "minted" : "transferred", from: t.args.from, to: t.args.to, ...at(t) })),
    ...sales.map((s): Raw => ({ kind: "sold", from: s.args.seller, to: s.args.buyer, price: s.args.price, ...at(s) })),
    ...listings.map((l): Raw => ({ kind: "listed", from: l.args.seller, price: l.args.price, ...at(l) })),
    ...checkIns.map((c): Raw => ({ kind: "checked-in", from: c.args.gate, ...at(c) })),
    ...refunds.map((r): Raw => ({ kind: "refunded", to: r.args.holder, price: r.args.amount, ...at(r) })),
  ].sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
  const blocks = [...new Set(raw.map((r) => r.blockNumber))];
  const times = new Map(await Promise.all(blocks.map(async (n) => [n, Number((await client.getBlock({ blockNumber: n })).timestamp)] as const)));
  return raw.map((r) => ({ ...r, timestamp: times.get(r.blockNumber) ?? 0 }));
}
