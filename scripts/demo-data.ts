/**
 * A demo event with tickets in the local node's test accounts, so `npm start` opens on
 * something to look at: account #0 organises, #1–#3 hold tickets.
 */
import { isAddressEqual, parseEventLogs, type Address } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../lib/generated/abis";
import { localClients } from "./lib/local-clients";
import { ORGANIZER_CHANNEL } from "../lib/channels";

export type DemoEvent = {
  ticket: Address;
  name: string;
  organizer: Address;
  holders: { account: Address; accountIndex: number; tokenIds: bigint[] }[];
};

export async function createDemoEvent(options: {
  rpcUrl: string;
  factory: Address;
  name?: string;
  /** How many tickets each of accounts #1, #2, #3 … receives. */
  ticketsPerAccount?: number[];
}): Promise<DemoEvent> {
  const { publicClient, accounts, wallet } = await localClients(options.rpcUrl);
  const organizer = accounts[0]!;
  const name = options.name ?? "Fairgate Live: Demo Night";
  const perAccount = options.ticketsPerAccount ?? [2, 1, 1];
  const startTime = BigInt(Math.floor(Date.now() / 1000) + 7 * 24 * 3600);

  const createHash = await wallet(organizer).writeContract({
    address: options.factory,
    abi: ticketFactoryAbi,
    functionName: "createEvent",
    args: [name, "FGDEMO", startTime],
  });
  const createReceipt = await publicClient.waitForTransactionReceipt({ hash: createHash });
  const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: createReceipt.logs });
  if (!created) throw new Error(`createEvent emitted no EventCreated (${createHash})`);
  const ticket = created.args.ticket;

  const recipients = perAccount.flatMap((n, i) => Array.from({ length: n }, () => accounts[i + 1]!));
  const mintHash = await wallet(organizer).writeContract({
    address: ticket,
    abi: eventTicketAbi,
    functionName: "mintTier",
    args: [0, ORGANIZER_CHANNEL, recipients],
  });
  const mintReceipt = await publicClient.waitForTransactionReceipt({ hash: mintHash });
  const minted = parseEventLogs({ abi: eventTicketAbi, eventName: "Transfer", logs: mintReceipt.logs });

  const holders = perAccount.map((_, i) => {
    const account = accounts[i + 1]!;
    const tokenIds = minted.filter((e) => isAddressEqual(e.args.to, account)).map((e) => e.args.tokenId);
    return { account, accountIndex: i + 1, tokenIds };
  });
  return { ticket, name, organizer, holders };
}
