import { formatEther, type Address, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import type { Activity } from "../organizer/summarise-activity";

/** An event's sales, resales, check-ins and holders from the chain's logs (the indexer's stats can replace this). */
export async function readActivity(client: PublicClient, contract: Address, market: Address): Promise<Activity> {
  const range = { fromBlock: 0n, toBlock: "latest" } as const;
  const [purchases, sales, checkIns, transfers] = await Promise.all([
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "TicketsPurchased", ...range }),
    client.getContractEvents({ address: market, abi: resaleMarketAbi, eventName: "Sold", args: { ticket: contract }, ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "CheckedIn", ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "Transfer", ...range }),
  ]);
  const blocks = [...new Set([...purchases, ...sales, ...checkIns].map((l) => l.blockNumber))];
  const times = new Map(await Promise.all(blocks.map(async (n) => [n, Number((await client.getBlock({ blockNumber: n })).timestamp)] as const)));
  const t = (l: { blockNumber: bigint }) => times.get(l.blockNumber) ?? 0;
  const owner = new Map<string, string>();
  for (const tr of transfers) owner.set(tr.args.tokenId!.toString(), tr.args.to!);
  return {
    purchases: purchases.map((p) => ({ t: t(p), count: Number(p.args.count) })),
    resales: sales.map((s) => ({ t: t(s), price: Number(formatEther(s.args.price!)), tokenId: s.args.tokenId!.toString() })),
    checkIns: checkIns.map((c) => ({ t: t(c), gate: c.args.gate! })),
    holders: [...owner.values()],
    totalTickets: owner.size,
  };
}
