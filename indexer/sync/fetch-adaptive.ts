/** One range's logs and last block, shrinking the range when the provider refuses its size or times out. */
import { describeError, errorText } from "../../lib/rpc/rpc-errors";
import { isRangeRefusal } from "../../lib/rpc/scan-ranges";
import { fetchRangeLogs } from "./range-logs";
import { getBlock, type FetchedRange, type SyncContext } from "./sync-context";

export async function fetchAdaptive(ctx: SyncContext, from: number, initialTo: number): Promise<FetchedRange> {
  let to = initialTo;
  for (let attempt = 0; ; attempt++) {
    try {
      const range = await fetchRangeLogs(
        ctx.client,
        {
          factory: ctx.factory,
          market: ctx.market,
          waitlist: ctx.waitlist,
          knownContracts: ctx.known,
          fromBlock: BigInt(from),
          toBlock: BigInt(to),
        },
        ctx.rpc,
      );
      // Read after the logs, so a refused range costs no block read; a block that changed in between
      // shows as a log hash mismatch (BlockChangedError) either way.
      return { to, block: await getBlock(ctx, to), range };
    } catch (err) {
      const refused = isRangeRefusal(err);
      const timeout = /timeout|timed out/i.test(errorText(err));
      if ((!refused && !timeout) || to === from || attempt >= 40) throw err;
      // The provider refused the size: learn its cap (a timeout teaches nothing, it only halves) and try again at once.
      ctx.counters.rangeShrinks++;
      const span = to - from + 1;
      ctx.rangeSize = refused ? Math.min(span - 1, ctx.cap.refused(span, err)) : Math.max(1, Math.floor(span / 2));
      to = from + ctx.rangeSize - 1;
      ctx.log(`eth_getLogs refused ${from}..${initialTo} (${describeError(err)}); range now ${ctx.rangeSize} blocks`);
    }
  }
}
