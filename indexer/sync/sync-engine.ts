/**
 * Sync engine: reads the head, checks the last applied block is still on the chain (else
 * rolls back to the common ancestor), fetches the next range's logs with an adaptive
 * eth_getLogs range, and applies them in one transaction with the cursor. Follows new
 * blocks by polling, or at once when a new-heads subscription wakes it. RPC failures are
 * retried, reported in the status and retried later with backoff; they never end the process.
 */
import { BaseError, BlockNotFoundError, getAddress, type Address, type Block, type PublicClient } from "viem";
import { ticketFactoryAbi } from "../../lib/generated/abis";
import { events } from "../db/schema";
import type { Db } from "../db/types";
import { applyRange, applyRollback } from "./apply-range";
import { progressTracker } from "./backfill-progress";
import { CursorMovedError, cursorId as makeCursorId, readBlockHash, readCursor, storedBlocks } from "./cursor";
import { fetchRangeLogs, type RangeLogs } from "./range-logs";
import { initialRangeSize, nextRangeSize } from "./range-size";
import { prefetcher } from "./prefetch";
import { readWaitlist } from "./read-waitlist";
import { rangeCap as newRangeCap, type RangeCap } from "../../lib/rpc/range-cap";
import { describeError, errorText, isRevert } from "../../lib/rpc/rpc-errors";
import { isRangeRefusal } from "../../lib/rpc/scan-ranges";
import { sleep, withRetry, type RetryOptions } from "./retry";
import { soleLease, type SyncLease } from "./sync-lease";
import { lagOf, type SyncCounters, type SyncStatus } from "./sync-status";

export type SyncChange =
  | {
      type: "range";
      fromBlock: number;
      toBlock: number;
      logs: number;
      events: Record<string, number>;
      contracts: string[];
    }
  | { type: "rollback"; fromBlock: number; toBlock: number };

export type SyncEngineOptions = {
  client: PublicClient;
  db: Db;
  chainId: number;
  factory: Address;
  /** The factory's deployment block: nothing before it matters. */
  fromBlock: number;
  maxBlockRange: number;
  /** The provider's eth_getLogs cap as learned so far (main.ts shares one per RPC URL); default: a fresh one. */
  rangeCap?: RangeCap;
  /** Aim for about this many logs per range (default range-size.ts's): bounds the decoded logs held at once. */
  rangeTargetLogs?: number;
  pollIntervalMs: number;
  /** Pause between polls while caught up and a new-heads subscription is live (it wakes the loop): a keep-alive; default pollIntervalMs. */
  subscribedPollMs?: number;
  /** Blocks deeper than this below the head are final; hashes are kept this deep. */
  finalityDepth?: number;
  retry?: RetryOptions;
  /** Longest pause between failed steps. */
  maxBackoffMs?: number;
  log?: (line: string) => void;
  /** Who may write; default: always this engine (PGlite). */
  lease?: SyncLease;
  /** Called after each committed range or rollback (SSE). */
  onChange?: (change: SyncChange) => void;
  /** Subscribes to new heads (websocket); returns an unsubscribe function. */
  subscribeHeads?: (onHead: () => void) => () => void;
  /** Backfill progress line every this many ms while catching up; 0 = never. */
  progressIntervalMs?: number;
  /** How often a follower re-reads the cursor and tries to take the lease (default 1 s). */
  followerPollMs?: number;
  /** Called when this engine gains (true) or loses (false) the lease: leader-only jobs follow it. */
  onLeadership?: (leader: boolean) => void;
};

export type SyncEngine = {
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops the loop and waits for the step in flight. */
  stop(): Promise<void>;
  /** Applies at most one block range (or one rollback); `null` when at the head or not the leader. Throws on failure. */
  step(): Promise<{ fromBlock: number; toBlock: number } | null>;
  /** Steps until the head read at the start is indexed (tests, scripts). */
  syncToHead(): Promise<void>;
  status(): SyncStatus;
  /** Makes a sleeping loop step now (a new block is known). */
  wake(): void;
};

/** How long a head read stays good enough to size backfill ranges by. */
const HEAD_REUSE_MS = 10_000;

/** A block changed between reading it and reading its logs: try the range again. */
export class BlockChangedError extends Error {
  override name = "BlockChangedError";
}

/** The RPC answers for another chain (a misrouted endpoint): nothing is read or rolled back until it is right again. */
export class WrongChainError extends Error {
  override name = "WrongChainError";
}

/**
 * @example
 * const sync = createSyncEngine({ client, db, chainId, factory, fromBlock, maxBlockRange: 2000, pollIntervalMs: 500 });
 * await sync.syncToHead();
 * sync.start();
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { client, db, chainId, factory, fromBlock, maxBlockRange, pollIntervalMs } = options;
  const finalityDepth = options.finalityDepth ?? 64;
  const sizeLimits = options.rangeTargetLogs !== undefined ? { targetLogs: options.rangeTargetLogs } : {};
  const cap = options.rangeCap ?? newRangeCap();
  /** Never past the provider's learned cap, so neither the next range nor the read-ahead asks for what it refused. */
  const maxBlocks = () => cap.clamp(maxBlockRange);
  const retry = options.retry ?? { attempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = options.log ?? ((line: string) => console.warn(`[sync] ${line}`));
  const lease = options.lease ?? soleLease();
  const id = makeCursorId(chainId, factory);
  // More than 100 blocks behind counts as a backfill worth reporting.
  const progress = progressTracker(100);

  let loaded = false;
  let leader = false;
  let cursor = fromBlock - 1;
  /** What the DB's cursor row says (null: no row yet): the compare-and-set expectation. */
  let cursorInDb: number | null = null;
  let cursorHash: string | null = null;
  let known: Address[] = [];
  let market: Address | null = null;
  let waitlist: Address | null = null;
  let marketRead = false;
  let rangeSize = initialRangeSize(maxBlocks());
  let headBlock: number | null = null;
  let headCheckedAt: number | null = null;
  /** Head numbers in the order first seen, with when: the oldest one above the cursor gives lagMs. */
  let pendingHeads: { n: number; at: number }[] = [];
  let lastError: string | undefined;
  let stepping: Promise<unknown> = Promise.resolve();
  let loop: Promise<void> | null = null;
  let unsubscribe: (() => void) | undefined;
  let waker: (() => void) | null = null;
  let wokenEarly = false;
  const stopper = new AbortController();
  const counters: SyncCounters = {
    logsIndexed: 0,
    rangesApplied: 0,
    reorgs: 0,
    rpcErrors: 0,
    rangeShrinks: 0,
    rangesPrefetched: 0,
    rangeSize,
    lastRangeMs: 0,
  };
  const rpc = { ...retry, signal: stopper.signal };
  const ahead = prefetcher<{ to: number; block: Block; range: RangeLogs }>();

  /** Cheap (one eth_chainId), so it runs before anything that trusts the RPC's idea of the chain wholesale: loading and rolling back. */
  async function checkChain(): Promise<void> {
    const served = await withRetry(() => client.getChainId(), rpc);
    if (served !== chainId)
      throw new WrongChainError(`RPC serves chain ${served}, this indexer indexes chain ${chainId}`);
  }

  async function load(): Promise<void> {
    ahead.clear();
    await checkChain();
    cursorInDb = await readCursor(db, id);
    cursor = cursorInDb ?? fromBlock - 1;
    cursorHash = cursor >= fromBlock ? await readBlockHash(db, cursor) : null;
    const rows = await db.select({ address: events.address }).from(events);
    known = rows.map((r) => getAddress(r.address));
    if (!marketRead) {
      try {
        market = await withRetry(
          () => client.readContract({ address: factory, abi: ticketFactoryAbi, functionName: "market" }),
          rpc,
        );
      } catch (err) {
        // A factory without a market (older deployment) still has events to index.
        if (!isRevert(err)) throw err;
        log(`factory ${factory} has no market(): resale logs are not indexed (${describeError(err)})`);
        market = null;
      }
      waitlist = market ? await readWaitlist(client, market, rpc, log) : null;
      marketRead = true;
    }
    loaded = true;
  }

  function noteHead(head: number): void {
    headBlock = head;
    headCheckedAt = Date.now();
    const last = pendingHeads[pendingHeads.length - 1];
    if (!last || head > last.n) pendingHeads.push({ n: head, at: headCheckedAt });
    trimPending();
    progress.update(cursor, head, counters.logsIndexed);
  }

  function trimPending(): void {
    // The first entry above the cursor stands for the oldest unindexed block.
    while (pendingHeads.length > 0 && pendingHeads[0]!.n <= cursor) pendingHeads.shift();
    if (pendingHeads.length > 1000) pendingHeads = pendingHeads.slice(-1000);
  }

  const getBlock = (n: number): Promise<Block> =>
    withRetry(() => client.getBlock({ blockNumber: BigInt(n) }), rpc) as Promise<Block>;

  /** The chain's hash at `n`, or null when it has no such block. */
  async function hashAt(n: number): Promise<string | null> {
    try {
      return (await getBlock(n)).hash!.toLowerCase();
    } catch (err) {
      if (err instanceof BaseError && err.walk((e) => e instanceof BlockNotFoundError)) return null;
      throw err;
    }
  }

  /** Finds the newest stored block still on the chain and rolls everything above it back. */
  async function rollBack(head: number, reason: string): Promise<{ fromBlock: number; toBlock: number }> {
    // Another chain's blocks would all "mismatch" and wipe the mirror down to fromBlock.
    await checkChain();
    counters.reorgs++;
    ahead.clear();
    let ancestor: { number: number; hash: string } | null = null;
    for (const b of await storedBlocks(db)) {
      if (b.number > head) continue;
      const onChain = await getBlock(b.number);
      if (onChain.hash!.toLowerCase() === b.hash) {
        ancestor = b;
        break;
      }
    }
    const previous = cursor;
    const target = ancestor?.number ?? fromBlock - 1;
    log(
      ancestor
        ? `reorg: ${reason}; rolling back blocks ${target + 1}..${previous} to common ancestor ${target}`
        : `chain diverged below every stored block (${reason}); re-indexing from block ${fromBlock}`,
    );
    await applyRollback(db, {
      cursorId: id,
      chainId,
      expectedCursor: cursorInDb,
      ancestor: ancestor?.number ?? null,
      fromBlock,
    });
    cursor = target;
    cursorInDb = target;
    cursorHash = ancestor?.hash ?? null;
    const rows = await db.select({ address: events.address }).from(events);
    known = rows.map((r) => getAddress(r.address));
    options.onChange?.({ type: "rollback", fromBlock: target + 1, toBlock: previous });
    return { fromBlock: target + 1, toBlock: previous };
  }

  /** Not the leader: mirror the leader's progress from the database. */
  async function follow(): Promise<null> {
    const before = cursor;
    cursor = (await readCursor(db, id)) ?? fromBlock - 1;
    noteHead(Number(await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), rpc)));
    if (cursor > before)
      options.onChange?.({ type: "range", fromBlock: before + 1, toBlock: cursor, logs: 0, events: {}, contracts: [] });
    if (cursor < before) options.onChange?.({ type: "rollback", fromBlock: cursor + 1, toBlock: before });
    return null;
  }

  async function fetchAdaptive(
    from: number,
    initialTo: number,
  ): Promise<{ to: number; block: Block; range: RangeLogs }> {
    let to = initialTo;
    for (let attempt = 0; ; attempt++) {
      try {
        const range = await fetchRangeLogs(
          client,
          { factory, market, waitlist, knownContracts: known, fromBlock: BigInt(from), toBlock: BigInt(to) },
          rpc,
        );
        // Read after the logs, so a refused range costs no block read; a block that changed in between
        // shows as a log hash mismatch (BlockChangedError) either way.
        return { to, block: await getBlock(to), range };
      } catch (err) {
        const refused = isRangeRefusal(err);
        const timeout = /timeout|timed out/i.test(errorText(err));
        if ((!refused && !timeout) || to === from || attempt >= 40) throw err;
        // The provider refused the size: learn its cap (a timeout teaches nothing, it only halves) and try again at once.
        counters.rangeShrinks++;
        const span = to - from + 1;
        rangeSize = refused ? Math.min(span - 1, cap.refused(span, err)) : Math.max(1, Math.floor(span / 2));
        to = from + rangeSize - 1;
        log(`eth_getLogs refused ${from}..${initialTo} (${describeError(err)}); range now ${rangeSize} blocks`);
      }
    }
  }

  /**
   * Far behind a head read moments ago: the next range ends well below it whatever the head is
   * now, so reading it again would only cost a call per range (a provider's quota). Re-read at
   * least every HEAD_REUSE_MS, so lag and /health stay current during a long backfill.
   */
  function deepInBackfill(): boolean {
    return (
      loaded &&
      headBlock !== null &&
      headCheckedAt !== null &&
      Date.now() - headCheckedAt < HEAD_REUSE_MS &&
      cursor + rangeSize + finalityDepth < headBlock
    );
  }

  async function stepOnce(): Promise<{ fromBlock: number; toBlock: number } | null> {
    const isLeader = await lease.tryAcquire();
    if (isLeader !== leader) {
      leader = isLeader;
      loaded = false; // the other instance moved the cursor while we followed
      if (isLeader) log("leading: this instance syncs");
      options.onLeadership?.(isLeader);
    }
    if (!leader) return follow();
    if (!loaded) await load();

    const reuseHead = deepInBackfill();
    const head = reuseHead ? headBlock! : Number(await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), rpc));
    if (!reuseHead) noteHead(head);
    if (cursor > head) {
      // A load-balanced RPC may answer from a backend a few blocks behind: if our last block is
      // still on the chain, the head was stale, not reorged; rolling back would hide real rows.
      if (cursorHash !== null && (await hashAt(cursor)) === cursorHash) return null;
      return rollBack(head, `head ${head} is below indexed block ${cursor}`);
    }
    if (cursor === head) return null;

    const from = cursor + 1;
    const started = Date.now();
    const prefetched = await ahead.take(from, known);
    if (prefetched) counters.rangesPrefetched++;
    const { to, block, range } = prefetched ?? (await fetchAdaptive(from, Math.min(head, cursor + rangeSize)));
    // Deep backfill: fetch the next range while this one is written (see prefetch.ts for why this is safe).
    const nextSize = nextRangeSize(
      rangeSize,
      { blocks: to - from + 1, logs: range.logs.length, ms: 0, full: to - from + 1 >= rangeSize },
      { maxBlocks: maxBlocks(), ...sizeLimits },
    );
    const nextTo = Math.min(head - finalityDepth, to + nextSize);
    if (range.newEvents.size === 0 && nextTo > to) ahead.start(to + 1, known, () => fetchAdaptive(to + 1, nextTo));

    // Is the last applied block still the chain's? Block `to` links back to it when adjacent.
    if (cursorHash !== null) {
      const linked = to === from ? block.parentHash.toLowerCase() : (await getBlock(cursor)).hash!.toLowerCase();
      if (linked !== cursorHash) return rollBack(head, `block ${cursor} hash changed`);
    }
    const hash = block.hash!.toLowerCase();
    if (range.logs.some((l) => Number(l.blockNumber) === to && l.blockHash.toLowerCase() !== hash)) {
      throw new BlockChangedError(`block ${to} changed while its logs were read`);
    }

    await applyRange(db, {
      cursorId: id,
      chainId,
      expectedCursor: cursorInDb,
      logs: range.logs,
      newEvents: range.newEvents,
      lastBlock: { number: to, hash, parentHash: block.parentHash },
      finalityDepth,
    });
    cursor = to;
    cursorInDb = to;
    cursorHash = hash;
    // A new array only when it changes: the read-ahead is keyed on this list's identity.
    if (range.newEvents.size > 0) known = [...known, ...[...range.newEvents.keys()].map((a) => getAddress(a))];
    counters.logsIndexed += range.logs.length;
    counters.rangesApplied++;
    counters.lastRangeMs = Date.now() - started;
    trimPending();
    progress.update(cursor, head, counters.logsIndexed);

    rangeSize = nextRangeSize(
      rangeSize,
      { blocks: to - from + 1, logs: range.logs.length, ms: counters.lastRangeMs, full: to - from + 1 >= rangeSize },
      { maxBlocks: maxBlocks(), ...sizeLimits },
    );
    counters.rangeSize = rangeSize;

    if (options.onChange) options.onChange(summarise(from, to, range));
    return { fromBlock: from, toBlock: to };
  }

  // Steps never overlap: the loop and direct callers queue behind one another.
  function step(): Promise<{ fromBlock: number; toBlock: number } | null> {
    const run = stepping.then(stepOnce, stepOnce);
    stepping = run.then(
      () => (lastError = undefined),
      (err: unknown) => {
        lastError = describeError(err);
        if (err instanceof CursorMovedError) loaded = false;
        else counters.rpcErrors++;
      },
    );
    return run;
  }

  function pause(ms: number): Promise<void> {
    if (wokenEarly) {
      wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      waker = () => {
        waker = null;
        resolve();
      };
      void sleep(ms, stopper.signal).then(() => waker?.());
    });
  }

  async function runLoop(): Promise<void> {
    let failures = 0;
    let lastLine = 0;
    const every = options.progressIntervalMs ?? 2_000;
    while (!stopper.signal.aborted) {
      try {
        const applied = await step();
        failures = 0;
        if (every > 0) {
          const p = progress.snapshot();
          if (p && (p.active ? Date.now() - lastLine >= every : lastLine > 0)) {
            log(progress.line()!);
            lastLine = p.active ? Date.now() : 0;
          }
        }
        if (!applied)
          await pause(
            leader
              ? unsubscribe
                ? (options.subscribedPollMs ?? pollIntervalMs)
                : pollIntervalMs
              : (options.followerPollMs ?? Math.max(pollIntervalMs, 1_000)),
          );
      } catch (err) {
        failures++;
        log(`step failed (${failures} in a row): ${describeError(err)}`);
        await pause(Math.min(maxBackoffMs, pollIntervalMs * 2 ** Math.min(failures, 10)));
      }
    }
  }

  return {
    step,
    wake() {
      if (waker) waker();
      else wokenEarly = true;
    },
    start() {
      if (loop) return;
      unsubscribe = options.subscribeHeads?.(() => this.wake());
      loop = runLoop();
    },
    async stop() {
      stopper.abort();
      waker?.();
      unsubscribe?.();
      await loop;
      await stepping;
      await lease.release();
    },
    async syncToHead() {
      const target = Number(await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), rpc));
      // Each step advances at least one block or rolls back once; the bound guards against a bug.
      for (let i = 0; i < 1_000_000; i++) {
        const applied = await step();
        if (!leader) return;
        if (applied === null && cursor >= target) break;
      }
    },
    status() {
      const s = { chainId, headBlock, indexedBlock: cursor, headCheckedAt };
      const lagBlocks = lagOf(s);
      const oldest = pendingHeads.find((h) => h.n > cursor);
      return {
        ...s,
        lagBlocks,
        lagMs: lagBlocks === null ? null : lagBlocks === 0 || !oldest ? 0 : Date.now() - oldest.at,
        ok: headBlock !== null && lastError === undefined,
        ...(lastError !== undefined ? { lastError } : {}),
        role: leader ? "leader" : "follower",
        backfill: progress.snapshot(),
        counters: { ...counters, rangeSize, rangeCap: cap.blocks ?? null },
      };
    },
  };
}

function summarise(from: number, to: number, range: RangeLogs): SyncChange {
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
