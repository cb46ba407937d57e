/**
 * Fetches everything one block range means to the indexer, in chain order: the factory's
 * EventCreated, every log of the market and of each known event contract, and the logs of
 * contracts created inside the range (plus their rules, read at creation).
 */
import { getAddress, type Address, type Log, type PublicClient } from "viem";
import { compareLogs, decodeLogs, type ChainLog } from "./chain-logs";
import { readEventRules, type EventRules } from "./read-event-rules";
import { withRetry, type RetryOptions } from "./retry";

/** RPC nodes cap the address list of one eth_getLogs; stay well under common limits. */
const ADDRESSES_PER_CALL = 200;

export type RangeLogs = {
  logs: ChainLog[];
  /** Event contracts created in this range, with their rules. */
  newEvents: Map<string, EventRules>;
};

export type RangeSpec = {
  factory: Address;
  market: Address | null;
  /** The market's Waitlist (absent for markets deployed before it existed). */
  waitlist?: Address | null;
  knownContracts: readonly Address[];
  fromBlock: bigint;
  toBlock: bigint;
};

/**
 * @example
 * const { logs } = await fetchRangeLogs(client, { factory, market, knownContracts, fromBlock: 1n, toBlock: 100n }, retry);
 */
export async function fetchRangeLogs(client: PublicClient, spec: RangeSpec, retry: RetryOptions): Promise<RangeLogs> {
  const { fromBlock, toBlock } = spec;
  const first = [
    spec.factory,
    ...(spec.market ? [spec.market] : []),
    ...(spec.waitlist ? [spec.waitlist] : []),
    ...spec.knownContracts,
  ];
  const logs = decodeLogs(await getLogsFor(client, first, fromBlock, toBlock, retry));

  const created = logs.filter(
    (l) => l.eventName === "EventCreated" && l.address.toLowerCase() === spec.factory.toLowerCase(),
  );
  const newEvents = new Map<string, EventRules>();
  const newAddresses: Address[] = [];
  for (const l of created) {
    if (l.eventName !== "EventCreated") continue;
    const address = getAddress(l.args.ticket);
    newAddresses.push(address);
    newEvents.set(address.toLowerCase(), await readEventRules(client, address, l.blockNumber, retry));
  }
  if (newAddresses.length > 0) {
    // A new contract can only log from its creation block on.
    const from = created[0]!.blockNumber;
    logs.push(...decodeLogs(await getLogsFor(client, newAddresses, from, toBlock, retry)));
  }
  // Only the factory may announce events; anything else named EventCreated is ignored.
  const relevant = logs.filter(
    (l) => l.eventName !== "EventCreated" || l.address.toLowerCase() === spec.factory.toLowerCase(),
  );
  relevant.sort(compareLogs);
  return { logs: relevant, newEvents };
}

async function getLogsFor(
  client: PublicClient,
  addresses: Address[],
  fromBlock: bigint,
  toBlock: bigint,
  retry: RetryOptions,
): Promise<Log[]> {
  const out: Log[] = [];
  for (let i = 0; i < addresses.length; i += ADDRESSES_PER_CALL) {
    const address = addresses.slice(i, i + ADDRESSES_PER_CALL);
    out.push(...(await withRetry(() => client.getLogs({ address, fromBlock, toBlock }), retry)));
  }
  return out;
}
