/** What a leader reads before it writes: that the RPC serves our chain, the cursor, and the market's addresses. */
import { BaseError, BlockNotFoundError } from "viem";
import { ticketFactoryAbi } from "../../lib/generated/abis";
import { describeError, isRevert } from "../../lib/rpc/rpc-errors";
import { readBlockHash, readCursor } from "./cursor";
import { readWaitlist } from "./read-waitlist";
import { withRetry } from "./retry";
import { getBlock, reloadKnown, type SyncContext } from "./sync-context";
import { WrongChainError } from "./sync-errors";

/** Cheap (one eth_chainId), so it runs before anything that trusts the RPC's idea of the chain wholesale: loading and rolling back. */
export async function checkChain(ctx: SyncContext): Promise<void> {
  const served = await withRetry(() => ctx.client.getChainId(), ctx.rpc);
  if (served !== ctx.chainId)
    throw new WrongChainError(`RPC serves chain ${served}, this indexer indexes chain ${ctx.chainId}`);
}

/** (Re)reads where the mirror stands; the market and its waitlist once per engine. */
export async function loadState(ctx: SyncContext): Promise<void> {
  ctx.ahead.clear();
  await checkChain(ctx);
  ctx.cursorInDb = await readCursor(ctx.db, ctx.cursorId);
  ctx.cursor = ctx.cursorInDb ?? ctx.fromBlock - 1;
  ctx.cursorHash = ctx.cursor >= ctx.fromBlock ? await readBlockHash(ctx.db, ctx.cursor) : null;
  await reloadKnown(ctx);
  if (!ctx.marketRead) {
    try {
      ctx.market = await withRetry(
        () => ctx.client.readContract({ address: ctx.factory, abi: ticketFactoryAbi, functionName: "market" }),
        ctx.rpc,
      );
    } catch (err) {
      // A factory without a market (older deployment) still has events to index.
      if (!isRevert(err)) throw err;
      ctx.log(`factory ${ctx.factory} has no market(): resale logs are not indexed (${describeError(err)})`);
      ctx.market = null;
    }
    ctx.waitlist = ctx.market ? await readWaitlist(ctx.client, ctx.market, ctx.rpc, ctx.log) : null;
    ctx.marketRead = true;
  }
  ctx.loaded = true;
}

/** The chain's hash at `n`, or null when it has no such block. */
export async function hashAt(ctx: SyncContext, n: number): Promise<string | null> {
  try {
    return (await getBlock(ctx, n)).hash!.toLowerCase();
  } catch (err) {
    if (err instanceof BaseError && err.walk((e) => e instanceof BlockNotFoundError)) return null;
    throw err;
  }
}
