/**
 * A second demo event with real rules, so the event, ticket and organizer pages have something to
 * show: three tiers (general: free transfer; VIP: official market only; backstage: soulbound),
 * a wallet cap, a royalty, and primary sales in escrow. Account #0 organises; #1 buys.
 */
import { parseEther, parseEventLogs, type Address } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../lib/generated/abis";
import { localClients } from "./lib/local-clients";

export type TieredDemoEvent = {
  ticket: Address;
  name: string;
  buyer: { account: Address; accountIndex: number; tokenIds: bigint[] };
};

export const TIERED_DEMO_TIERS = [
  {
    faceValue: parseEther("0.05"),
    supply: 500,
    zones: 1,
    mode: 0,
    resaleCapBps: 12_000,
    voucherOnly: false,
    reserved: false,
  },
  {
    faceValue: parseEther("0.2"),
    supply: 50,
    zones: 3,
    mode: 1,
    resaleCapBps: 11_000,
    voucherOnly: false,
    reserved: false,
  },
  {
    faceValue: parseEther("0.5"),
    supply: 10,
    zones: 7,
    mode: 2,
    resaleCapBps: 10_000,
    voucherOnly: false,
    reserved: false,
  },
] as const;

export async function createTieredDemoEvent(options: {
  rpcUrl: string;
  factory: Address;
  name?: string;
}): Promise<TieredDemoEvent> {
  const { publicClient, accounts, wallet } = await localClients(options.rpcUrl);
  const organizer = accounts[0]!;
  const name = options.name ?? "Fairgate Live: Tiered Night";
  const startTime = BigInt(Math.floor(Date.now() / 1000) + 14 * 24 * 3600);
  const hash = await wallet(organizer).writeContract({
    address: options.factory,
    abi: ticketFactoryAbi,
    functionName: "createEventWithTiers",
    args: [
      {
        name,
        symbol: "FGTIER",
        startTime,
        endTime: startTime + 6n * 3600n,
        lockWindow: 3600,
        maxPerWallet: 4,
        maxPerIdentity: 0,
        royaltyBps: 500,
        voucherSigner: "0x0000000000000000000000000000000000000000",
        currency: "0x0000000000000000000000000000000000000000",
      },
      [...TIERED_DEMO_TIERS],
    ],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
  if (!created) throw new Error(`createEventWithTiers emitted no EventCreated (${hash})`);
  const ticket = created.args.ticket;

  const buyer = accounts[1]!;
  const buyHash = await wallet(buyer).writeContract({
    address: ticket,
    abi: eventTicketAbi,
    functionName: "buy",
    args: [0, 1n],
    value: TIERED_DEMO_TIERS[0].faceValue,
  });
  const bought = parseEventLogs({
    abi: eventTicketAbi,
    eventName: "Transfer",
    logs: (await publicClient.waitForTransactionReceipt({ hash: buyHash })).logs,
  });
  return { ticket, name, buyer: { account: buyer, accountIndex: 1, tokenIds: bought.map((t) => t.args.tokenId) } };
}
