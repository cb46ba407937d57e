/**
 * The logs the indexer understands, decoded with the generated ABIs: the factory's
 * EventCreated, every EventTicket event, every ResaleMarket event and the Waitlist's queue events.
 */
import { getAbiItem, parseEventLogs, type Log } from "viem";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi, waitlistAbi } from "../../lib/generated/abis";

export const eventCreatedEvent = getAbiItem({ abi: ticketFactoryAbi, name: "EventCreated" });

/**
 * The Waitlist's own events. Its `PaymentDeferred` and `Withdrawn` have the market's signatures, so
 * they decode with the market's ABI (kept in `contract_activity` under the waitlist's address).
 */
export const waitlistEvents = [
  getAbiItem({ abi: waitlistAbi, name: "WaitlistJoined" }),
  getAbiItem({ abi: waitlistAbi, name: "WaitlistLeft" }),
  getAbiItem({ abi: waitlistAbi, name: "TicketReturned" }),
] as const;

// `getAbiItem` of a name the ABI lacks gives undefined at run time, which would break decoding late.
for (const item of waitlistEvents)
  if (!item)
    throw new Error("chain-logs: a Waitlist event is missing from the generated ABI (run scripts/gen-abis.ts)");

/** One ABI for decoding: names do not collide between the contracts. */
export const indexedAbi = [eventCreatedEvent, ...eventTicketAbi, ...resaleMarketAbi, ...waitlistEvents] as const;

/** A decoded, confirmed log (not `removed`), with its block and position. */
export type ChainLog = ReturnType<typeof parseEventLogs<typeof indexedAbi, true>>[number] & {
  blockNumber: bigint;
  logIndex: number;
  transactionHash: `0x${string}`;
  blockHash: `0x${string}`;
};

export type LogOf<N extends ChainLog["eventName"]> = Extract<ChainLog, { eventName: N }>;

/** Decodes raw logs; logs this indexer has no ABI for (or that fail to decode) are dropped. */
export function decodeLogs(raw: readonly Log[]): ChainLog[] {
  return parseEventLogs({ abi: indexedAbi, logs: raw as Log[], strict: true }).filter(
    (l) => !l.removed && l.blockNumber !== null && l.logIndex !== null,
  ) as ChainLog[];
}

/** Chain order: block, then position in the block. */
export function compareLogs(
  a: { blockNumber: bigint; logIndex: number },
  b: { blockNumber: bigint; logIndex: number },
): number {
  return a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;
}
