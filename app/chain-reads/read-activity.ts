import type { Address, PublicClient } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import type { Activity } from "../organizer/summarise-activity";

/** An event's primary sales, on-chain check-ins and ticket count from the chain's logs (the rest of the dashboard reads the indexer). */
export async function readActivity(client: PublicClient, contract: Address): Promise<Activity> {
  const range = { fromBlock: 0n, toBlock: "latest" } as const;
  const [purchases, checkIns, transfers] = await Promise.all([
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "TicketsPurchased", ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "CheckedIn", ...range }),
    client.getContractEvents({ address: contract, abi: eventTicketAbi, eventName: "Transfer", ...range }),
  ]);
  const blocks = [...new Set([...purchases, ...checkIns].map((l) => l.blockNumber))];
  const times = new Map(await Promise.all(blocks.map(async (n) => [n, Number((await client.getBlock({ blockNumber: n })).timestamp)] as const)));
  const t = (l: { blockNumber: bigint }) => times.get(l.blockNumber) ?? 0;
  const tokens = new Set(transfers.map((tr) => tr.args.tokenId!.toString()));
  return {
    purchases: purchases.map((p) => ({ t: t(p), count: Number(p.args.count) })),
    checkIns: checkIns.map((c) => ({ t: t(c) })),
    totalTickets: tokens.size,
  };
}
