/**
 * Fetches everything one block range means to the indexer: the factory's EventCreated logs,
 * then Transfer logs of every known event contract (including those created in this range),
 * merged in chain order.
 */
import { getAbiItem, type Address, type Log, type PublicClient } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { withRetry, type RetryOptions } from "./retry";

export const eventCreatedEvent = getAbiItem({ abi: ticketFactoryAbi, name: "EventCreated" });
export const transferEvent = getAbiItem({ abi: eventTicketAbi, name: "Transfer" });

export type EventCreatedLog = Log<bigint, number, false, typeof eventCreatedEvent, true>;
export type TransferLog = Log<bigint, number, false, typeof transferEvent, true>;
export type IndexedLog = EventCreatedLog | TransferLog;

/** RPC nodes cap the address list of one eth_getLogs; stay well under common limits. */
const ADDRESSES_PER_CALL = 200;

export type RangeLogs = { logs: IndexedLog[]; newContracts: Address[] };

export async function fetchRangeLogs(
  client: PublicClient,
  args: { factory: Address; knownContracts: readonly Address[]; fromBlock: bigint; toBlock: bigint },
  retry: RetryOptions,
): Promise<RangeLogs> {
  const { factory, fromBlock, toBlock } = args;
  const created = await withRetry(
    () => client.getLogs({ address: factory, event: eventCreatedEvent, fromBlock, toBlock, strict: true }),
    retry,
  );
  const newContracts = created.map((l) => l.args.ticket);
  const contracts = [...args.knownContracts, ...newContracts];

  const transfers: TransferLog[] = [];
  for (let i = 0; i < contracts.length; i += ADDRESSES_PER_CALL) {
    const address = contracts.slice(i, i + ADDRESSES_PER_CALL);
    const chunk = await withRetry(
      () => client.getLogs({ address, event: transferEvent, fromBlock, toBlock, strict: true }),
      retry,
    );
    transfers.push(...chunk);
  }

  const logs: IndexedLog[] = [...created, ...transfers].filter((l) => !l.removed);
  logs.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
  return { logs, newContracts };
}
