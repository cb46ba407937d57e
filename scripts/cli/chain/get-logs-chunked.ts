/**
 * eth_getLogs of one event over a long block span, in ranges the provider accepts: the shared
 * learned-cap scanner (lib/rpc/scan-ranges.ts), so every scan of a command stays under the cap
 * the first refusal taught, and a rate limit waits instead of shrinking the range.
 */
import type { AbiEvent, Address, GetLogsParameters, GetLogsReturnType, PublicClient } from "viem";
import type { RangeCap } from "../../../lib/rpc/range-cap";
import { scanRanges } from "../../../lib/rpc/scan-ranges";

export async function getLogsChunked<const event extends AbiEvent>(
  client: PublicClient,
  cap: RangeCap,
  params: {
    address: Address | Address[];
    event: event;
    args?: GetLogsParameters<event>["args"];
    fromBlock: bigint;
    toBlock?: bigint;
    stopWhen?: (logs: GetLogsReturnType<event>) => boolean;
  },
): Promise<GetLogsReturnType<event>> {
  const toBlock = params.toBlock ?? (await client.getBlockNumber());
  const fetch = (fromBlock: bigint, to: bigint): Promise<GetLogsReturnType<event>> =>
    client.getLogs({ address: params.address, event: params.event, args: params.args, fromBlock, toBlock: to });
  const logs = await scanRanges(fetch, {
    fromBlock: params.fromBlock,
    toBlock,
    cap,
    ...(params.stopWhen ? { stopWhen: (found) => params.stopWhen!(found as GetLogsReturnType<event>) } : {}),
  });
  return logs as GetLogsReturnType<event>;
}
