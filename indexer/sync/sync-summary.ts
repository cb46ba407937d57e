/** What the engine tells others: the change a range made (SSE) and its status (/health, /metrics). */
import { getAddress } from "viem";
import type { RangeLogs } from "./range-logs";
import type { SyncContext } from "./sync-context";
import { lagOf, type SyncStatus } from "./sync-status";
import type { SyncChange } from "./sync-types";

export function summariseRange(from: number, to: number, range: RangeLogs): SyncChange {
  const byName: Record<string, number> = {};
  const contracts = new Set<string>();
  for (const l of range.logs) {
    byName[l.eventName] = (byName[l.eventName] ?? 0) + 1;
    contracts.add(
      getAddress(
        l.eventName === "Listed" || l.eventName === "Sold" || l.eventName === "ListingCancelled"
          ? l.args.ticket
          : l.address,
      ),
    );
  }
  return {
    type: "range",
    fromBlock: from,
    toBlock: to,
    logs: range.logs.length,
    events: byName,
    contracts: [...contracts],
  };
}

export function statusOf(ctx: SyncContext): SyncStatus {
  const s = {
    chainId: ctx.chainId,
    headBlock: ctx.headBlock,
    indexedBlock: ctx.cursor,
    headCheckedAt: ctx.headCheckedAt,
  };
  const lagBlocks = lagOf(s);
  const oldest = ctx.pendingHeads.find((h) => h.n > ctx.cursor);
  return {
    ...s,
    lagBlocks,
    lagMs: lagBlocks === null ? null : lagBlocks === 0 || !oldest ? 0 : Date.now() - oldest.at,
    ok: ctx.headBlock !== null && ctx.lastError === undefined,
    ...(ctx.lastError !== undefined ? { lastError: ctx.lastError } : {}),
    role: ctx.leader ? "leader" : "follower",
    backfill: ctx.progress.snapshot(),
    counters: { ...ctx.counters, rangeSize: ctx.rangeSize, rangeCap: ctx.cap.blocks ?? null },
  };
}
