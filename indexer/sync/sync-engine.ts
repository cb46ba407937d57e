/**
 * Polling sync engine: reads the head, applies the next block range in one transaction,
 * repeats. RPC failures are retried, then reported in the status and retried later with
 * backoff; they never end the process.
 */
import { BaseError, getAddress, type Address, type PublicClient } from "viem";
import { events } from "../db/schema";
import type { Db } from "../db/types";
import { applyRange } from "./apply-range";
import { clearChainData, cursorId as makeCursorId, readBlockHash, readCursor } from "./cursor";
import { fetchRangeLogs } from "./range-logs";
import { sleep, withRetry, type RetryOptions } from "./retry";
import { lagOf, type SyncStatus } from "./sync-status";

export type SyncEngineOptions = {
  client: PublicClient;
  db: Db;
  chainId: number;
  factory: Address;
  /** The factory's deployment block: nothing before it matters. */
  fromBlock: number;
  maxBlockRange: number;
  pollIntervalMs: number;
  retry?: RetryOptions;
  /** Longest pause between failed steps. */
  maxBackoffMs?: number;
  log?: (line: string) => void;
};

export type SyncEngine = {
  /** Starts the background polling loop (idempotent). */
  start(): void;
  /** Stops the loop and waits for the step in flight. */
  stop(): Promise<void>;
  /** Applies at most one block range; `null` when already at the head. Throws on failure. */
  step(): Promise<{ fromBlock: number; toBlock: number } | null>;
  /** Steps until the head read at the start is indexed (tests, scripts). */
  syncToHead(): Promise<void>;
  status(): SyncStatus;
};

/**
 * @example
 * const sync = createSyncEngine({ client, db, chainId, factory, fromBlock, maxBlockRange: 2000, pollIntervalMs: 500 });
 * await sync.syncToHead();
 * sync.start();
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { client, db, chainId, factory, fromBlock, maxBlockRange, pollIntervalMs } = options;
  const retry = options.retry ?? { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = options.log ?? ((line: string) => console.warn(`[sync] ${line}`));
  const id = makeCursorId(chainId, factory);

  let loaded = false;
  let cursor = fromBlock - 1;
  let known: Address[] = [];
  let rangeSize = maxBlockRange;
  let headBlock: number | null = null;
  let headCheckedAt: number | null = null;
  let lastError: string | undefined;
  let stepping: Promise<unknown> = Promise.resolve();
  let loop: Promise<void> | null = null;
  const stopper = new AbortController();

  async function load(): Promise<void> {
    cursor = (await readCursor(db, id)) ?? fromBlock - 1;
    const rows = await db.select({ address: events.address }).from(events);
    known = rows.map((r) => getAddress(r.address));
    loaded = true;
  }

  async function reset(reason: string): Promise<void> {
    log(`chain diverged (${reason}); re-indexing from block ${fromBlock}`);
    await db.transaction((tx) => clearChainData(tx, id));
    cursor = fromBlock - 1;
    known = [];
  }

  async function stepOnce(): Promise<{ fromBlock: number; toBlock: number } | null> {
    if (!loaded) await load();
    const head = Number(await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), retry));
    headBlock = head;
    headCheckedAt = Date.now();

    if (cursor > head) {
      await reset(`head ${head} is below indexed block ${cursor}`);
      return null;
    }
    if (cursor === head) return null;
    // Reorg rollback is a later issue; meanwhile a changed block under the cursor means re-sync.
    const stored = cursor >= fromBlock ? await readBlockHash(db, cursor) : null;
    if (stored) {
      const onChain = await withRetry(() => client.getBlock({ blockNumber: BigInt(cursor) }), retry);
      if (onChain.hash.toLowerCase() !== stored) {
        await reset(`block ${cursor} hash changed`);
        return null;
      }
    }

    const from = cursor + 1;
    const to = Math.min(head, cursor + rangeSize);
    const range = await fetchRangeLogs(
      client,
      { factory, knownContracts: known, fromBlock: BigInt(from), toBlock: BigInt(to) },
      { ...retry, signal: stopper.signal },
    );
    const last = await withRetry(() => client.getBlock({ blockNumber: BigInt(to) }), retry);
    await applyRange(db, {
      cursorId: id,
      chainId,
      logs: range.logs,
      lastBlock: { number: to, hash: last.hash, parentHash: last.parentHash },
    });
    cursor = to;
    known = [...known, ...range.newContracts];
    rangeSize = Math.min(maxBlockRange, rangeSize * 2);
    return { fromBlock: from, toBlock: to };
  }

  // Steps never overlap: the loop and direct callers queue behind one another.
  function step(): Promise<{ fromBlock: number; toBlock: number } | null> {
    const run = stepping.then(stepOnce, stepOnce);
    stepping = run.then(
      () => (lastError = undefined),
      (err: unknown) => {
        lastError = describe(err);
        // Large ranges are the usual cause of getLogs failures ("too many results", timeouts).
        rangeSize = Math.max(1, Math.floor(rangeSize / 2));
      },
    );
    return run;
  }

  async function runLoop(): Promise<void> {
    let failures = 0;
    while (!stopper.signal.aborted) {
      try {
        const applied = await step();
        failures = 0;
        if (!applied) await sleep(pollIntervalMs, stopper.signal);
      } catch (err) {
        failures++;
        log(`step failed (${failures} in a row): ${describe(err)}`);
        await sleep(Math.min(maxBackoffMs, pollIntervalMs * 2 ** Math.min(failures, 10)), stopper.signal);
      }
    }
  }

  return {
    step,
    start() {
      loop ??= runLoop();
    },
    async stop() {
      stopper.abort();
      await loop;
      await stepping;
    },
    async syncToHead() {
      const target = Number(await withRetry(() => client.getBlockNumber({ cacheTime: 0 }), retry));
      // Each step advances at least one block, so this ends; the bound guards against a bug.
      for (let i = 0; i < 1_000_000 && (cursor < target || !loaded); i++) {
        if ((await step()) === null && cursor >= target) break;
      }
    },
    status() {
      const s = { chainId, headBlock, indexedBlock: cursor, headCheckedAt };
      return {
        ...s,
        lagBlocks: lagOf(s),
        ok: headBlock !== null && lastError === undefined,
        ...(lastError !== undefined ? { lastError } : {}),
      };
    },
  };
}

function describe(err: unknown): string {
  // viem's shortMessage alone can be just "An unknown RPC error occurred."; details name the cause.
  if (err instanceof BaseError) return err.details ? `${err.shortMessage} (${err.details})` : err.shortMessage;
  return err instanceof Error ? err.message : String(err);
}
