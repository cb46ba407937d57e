/**
 * eth_getLogs over a long block span in bounded ranges (public RPCs cap the range), halving the
 * range when the node refuses one as too large.
 */
import type { AbiEvent, Address, GetLogsReturnType, PublicClient } from "viem";

export async function getLogsChunked<const event extends AbiEvent>(
  client: PublicClient,
  params: { address: Address; event: event; args?: Record<string, unknown>; fromBlock: bigint; toBlock?: bigint },
  maxRange = 5_000n,
): Promise<GetLogsReturnType<event>> {
  const toBlock = params.toBlock ?? (await client.getBlockNumber());
  const out: GetLogsReturnType<event> = [];
  let from = params.fromBlock;
  let range = maxRange;
  // Bounded: every pass advances `from` or halves `range`, which stops at 1.
  while (from <= toBlock) {
    const to = from + range - 1n < toBlock ? from + range - 1n : toBlock;
    try {
      const logs = await client.getLogs({ address: params.address, event: params.event, args: params.args, fromBlock: from, toBlock: to } as never);
      out.push(...(logs as GetLogsReturnType<event>));
      from = to + 1n;
    } catch (e) {
      if (range === 1n) throw e;
      range = range / 2n;
    }
  }
  return out;
}
