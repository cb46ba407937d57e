/**
 * Writes admissions on chain: `EventTicket.checkIn(uint256[])` in batches, from the gate signer.
 *
 * Crash safety, window by window (the queue is the `check_ins` table, see check-in-queue.ts):
 * - before sending, the batch is marked in flight (intent); a crash here leaves rows in flight
 *   with no tx: once the signer has nothing pending in the mempool, `isCheckedIn` decides
 *   (checked in → confirmed, else → pending again).
 * - a locally held key signs first and records the tx hash *before* broadcasting; a node account
 *   only learns the hash from `eth_sendTransaction`, so a crash right after sending is the
 *   no-tx case above.
 * - a recorded tx with no receipt after `confirmTimeoutMs` and nothing pending → `isCheckedIn`.
 * Sending a ticket twice is harmless anyway: `checkIn` skips tickets already checked in, so a
 * retried batch never reverts and `CheckedIn` fires once per ticket.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  keccak256,
  TransactionReceiptNotFoundError,
  WaitForTransactionReceiptTimeoutError,
  type Address,
  type Hash,
  type PublicClient,
} from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { Db } from "../../db/types";
import { sleep } from "../../sync/retry";
import type { GateSigner } from "./gate-signer";
import {
  inFlight,
  markConfirmed,
  markInFlight,
  markPending,
  pendingByContract,
  pendingIds,
  queueCounts,
  recordTx,
} from "./check-in-queue";

export type BatcherSettings = {
  /** Tickets per checkIn transaction (the contract allows 500). */
  batchSize: number;
  /** Send a partial batch once its oldest admission waited this long; also the idle poll. */
  intervalMs: number;
  /** A sent batch with no receipt after this long is reconciled against the chain. */
  confirmTimeoutMs: number;
  /** Cap of the exponential backoff after failures. */
  maxBackoffMs: number;
};

export const defaultBatcherSettings: BatcherSettings = {
  batchSize: 50,
  intervalMs: 2_000,
  confirmTimeoutMs: 60_000,
  maxBackoffMs: 60_000,
};

export type BatcherDeps = {
  db: Db;
  client: PublicClient;
  signer: GateSigner;
  settings?: Partial<BatcherSettings>;
  log?: (line: string) => void;
  /** Fault injection for tests: throw here to simulate a crash at that point. */
  faults?: { afterIntent?: () => Promise<void>; afterSend?: (tx: Hash) => Promise<void> };
};

export type TickReport = { sent: number; confirmed: number; requeued: number };

type Backoff = { until: number; failures: number; reason: string };

/** Most batches sent per tick, so one tick stays bounded. */
const MAX_BATCHES_PER_TICK = 8;
/** Nonexistent ids (a reorg undid a mint?) are left pending and not retried for this long. */
const POISON_MS = 10 * 60_000;
/** Ids no transaction can carry (at or above 2^256, from before reconcile validated them) are set aside for good. */
const MAX_UINT256 = 2n ** 256n - 1n;

/** Errors a test's fault hook threw (a simulated crash): they end the tick, as a crash ends the process. */
const crashes = new WeakSet<object>();
async function injected(hook: (() => Promise<void>) | undefined): Promise<void> {
  try {
    await hook?.();
  } catch (err) {
    if (typeof err === "object" && err !== null) crashes.add(err);
    throw err;
  }
}

const errorText = (err: unknown) =>
  err instanceof BaseError ? err.shortMessage : err instanceof Error ? err.message : String(err);

export function createCheckInBatcher(deps: BatcherDeps) {
  const s = { ...defaultBatcherSettings, ...deps.settings };
  const log = deps.log ?? ((line: string) => console.error(`[batcher] ${line}`));
  const { db, client, signer } = deps;
  const backoff = new Map<string, Backoff>();
  const poisoned = new Map<string, number>();
  let lastError: string | undefined;

  const key = (contract: Address, id?: bigint) =>
    id === undefined ? contract.toLowerCase() : `${contract.toLowerCase()}:${id}`;
  const delay = (failures: number) => Math.min(s.maxBackoffMs, s.intervalMs * 2 ** Math.min(failures, 16));

  function backOff(contract: Address, reason: string) {
    const prev = backoff.get(key(contract));
    const failures = (prev?.failures ?? 0) + 1;
    backoff.set(key(contract), { until: Date.now() + delay(failures), failures, reason });
    if (prev?.reason !== reason) log(`event ${contract}: ${reason}; retrying with backoff`);
  }

  /** True when none of the signer's transactions waits in the mempool. */
  async function mempoolDrained(): Promise<boolean> {
    const [pending, latest] = await Promise.all([
      client.getTransactionCount({ address: signer.address, blockTag: "pending" }),
      client.getTransactionCount({ address: signer.address, blockTag: "latest" }),
    ]);
    return pending <= latest;
  }

  /** The chain decides: checked in → confirmed, not → pending again. */
  async function settleByChainState(
    contract: Address,
    ids: bigint[],
  ): Promise<{ confirmed: number; requeued: number }> {
    const done: bigint[] = [];
    const notYet: bigint[] = [];
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      const states = await Promise.all(
        chunk.map((id) =>
          client.readContract({ address: contract, abi: eventTicketAbi, functionName: "isCheckedIn", args: [id] }),
        ),
      );
      chunk.forEach((id, j) => (states[j] ? done : notYet).push(id));
    }
    await markConfirmed(db, contract, done);
    await markPending(db, contract, notYet);
    return { confirmed: done.length, requeued: notYet.length };
  }

  async function reconcile(report: TickReport): Promise<void> {
    const rows = await inFlight(db);
    if (rows.length === 0) return;
    const groups = new Map<string, { contract: Address; tx: Hash | null; submittedAt: number; ids: bigint[] }>();
    for (const r of rows) {
      const g = `${r.contract}:${r.chainTx ?? ""}`;
      let group = groups.get(g);
      if (!group)
        groups.set(
          g,
          (group = { contract: r.contract, tx: r.chainTx, submittedAt: r.submittedAt?.getTime() ?? 0, ids: [] }),
        );
      group.ids.push(r.tokenId);
    }
    let drained: boolean | undefined;
    const isDrained = async () => (drained ??= await mempoolDrained());
    for (const g of groups.values()) {
      // One event's group failing (its RPC reads) leaves the others to settle.
      await settleGroup(g, report, isDrained).catch((err: unknown) => {
        if (crashes.has(err as object)) throw err;
        backOff(g.contract, `settling in-flight check-ins failed: ${errorText(err)}`);
      });
    }
  }

  async function settleGroup(
    g: { contract: Address; tx: Hash | null; submittedAt: number; ids: bigint[] },
    report: TickReport,
    isDrained: () => Promise<boolean>,
  ): Promise<void> {
    if (g.tx) {
      const receipt = await client.getTransactionReceipt({ hash: g.tx }).catch((err: unknown) => {
        if (err instanceof TransactionReceiptNotFoundError) return null;
        throw err;
      });
      if (receipt?.status === "success") {
        await markConfirmed(db, g.contract, g.ids);
        report.confirmed += g.ids.length;
        return;
      }
      if (!receipt && Date.now() - g.submittedAt < s.confirmTimeoutMs) return;
    }
    // No tx recorded (crash around sending), a reverted one, or one gone from the mempool.
    if (!(await isDrained())) return;
    const settled = await settleByChainState(g.contract, g.ids);
    report.confirmed += settled.confirmed;
    report.requeued += settled.requeued;
    if (settled.requeued)
      log(
        `event ${g.contract}: ${settled.requeued} check-in(s) of ${g.tx ?? "an unrecorded tx"} not on chain; queued again`,
      );
  }

  /** The revert reason of simulating checkIn(ids), or null when it would succeed. */
  async function simulate(
    contract: Address,
    ids: bigint[],
  ): Promise<{ name: string; args: readonly unknown[] } | null> {
    try {
      await client.simulateContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "checkIn",
        args: [ids],
        account: signer.wallet.account!,
      });
      return null;
    } catch (err) {
      const reverted = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null;
      if (reverted instanceof ContractFunctionRevertedError) {
        return {
          name: reverted.data?.errorName ?? reverted.reason ?? "unknown revert",
          args: reverted.data?.args ?? [],
        };
      }
      throw err;
    }
  }

  async function send(contract: Address, ids: bigint[]): Promise<Hash> {
    const data = encodeFunctionData({ abi: eventTicketAbi, functionName: "checkIn", args: [ids] });
    const wallet = signer.wallet;
    if (signer.signsLocally) {
      const request = await wallet.prepareTransactionRequest({
        account: wallet.account!,
        chain: wallet.chain,
        to: contract,
        data,
      });
      const serializedTransaction = await wallet.signTransaction({
        ...request,
        account: wallet.account!,
        chain: wallet.chain,
      } as Parameters<typeof wallet.signTransaction>[0]);
      const hash = keccak256(serializedTransaction);
      await recordTx(db, contract, ids, hash); // known before it exists anywhere else
      await wallet.sendRawTransaction({ serializedTransaction });
      await injected(deps.faults?.afterSend && (() => deps.faults!.afterSend!(hash)));
      return hash;
    }
    const hash = await wallet.sendTransaction({ account: wallet.account!, chain: wallet.chain, to: contract, data });
    await injected(deps.faults?.afterSend && (() => deps.faults!.afterSend!(hash)));
    await recordTx(db, contract, ids, hash);
    return hash;
  }

  /** Sends one batch of the event's oldest pending admissions; returns how many left the queue. */
  async function sendBatch(contract: Address, report: TickReport): Promise<number> {
    const now = Date.now();
    for (const [k, until] of poisoned) if (until <= now) poisoned.delete(k);
    const pending = (await pendingIds(db, contract, s.batchSize + poisoned.size)).filter(
      (id) => !poisoned.has(key(contract, id)),
    );
    for (const id of pending) {
      if (id >= 0n && id <= MAX_UINT256) continue;
      log(`event ${contract}: check-in of ticket ${id} can never go on chain (not a uint256); set aside`);
      poisoned.set(key(contract, id), Infinity);
    }
    const candidates = pending.filter((id) => !poisoned.has(key(contract, id))).slice(0, s.batchSize);
    let ids = await markInFlight(db, contract, candidates, new Date());
    if (ids.length === 0) return 0;
    await injected(deps.faults?.afterIntent);
    try {
      for (let attempt = 0; ; attempt++) {
        const revert = await simulate(contract, ids);
        if (!revert) break;
        const bad = revert.name === "ERC721NonexistentToken" ? (revert.args[0] as bigint) : undefined;
        if (bad === undefined || attempt >= 5) {
          await markPending(db, contract, ids);
          backOff(contract, `checkIn would revert (${revert.name})`);
          return 0;
        }
        log(`event ${contract}: ticket ${bad} does not exist on chain; left pending`);
        poisoned.set(key(contract, bad), now + POISON_MS);
        await markPending(db, contract, [bad]);
        ids = ids.filter((id) => id !== bad);
        if (ids.length === 0) return 0;
      }
    } catch (err) {
      await markPending(db, contract, ids);
      throw err;
    }
    const hash = await send(contract, ids);
    report.sent += ids.length;
    backoff.delete(key(contract));
    try {
      const receipt = await client.waitForTransactionReceipt({
        hash,
        timeout: s.confirmTimeoutMs,
        pollingInterval: Math.min(1_000, s.intervalMs),
      });
      if (receipt.status === "success") {
        await markConfirmed(db, contract, ids);
        report.confirmed += ids.length;
      } else {
        const settled = await settleByChainState(contract, ids);
        report.confirmed += settled.confirmed;
        report.requeued += settled.requeued;
      }
    } catch (err) {
      if (err instanceof WaitForTransactionReceiptTimeoutError) return ids.length; // reconcile() picks it up
      throw err;
    }
    return ids.length;
  }

  /** One pass: settle what is in flight, then send due batches. */
  async function tick(): Promise<TickReport> {
    const report: TickReport = { sent: 0, confirmed: 0, requeued: 0 };
    let failed: string | undefined;
    await reconcile(report).catch((err: unknown) => {
      if (crashes.has(err as object)) throw err;
      failed = errorText(err);
    });
    const now = Date.now();
    let batches = 0;
    for (const p of await pendingByContract(db)) {
      const due = now - p.oldest.getTime() >= s.intervalMs;
      let remaining = p.pending;
      while (remaining > 0 && (remaining >= s.batchSize || due) && batches < MAX_BATCHES_PER_TICK) {
        const b = backoff.get(key(p.contract));
        if (b && b.until > now) break;
        batches++;
        // One event's failure backs that event off; the others' batches still go.
        const n = await sendBatch(p.contract, report).catch((err: unknown) => {
          if (crashes.has(err as object)) throw err;
          backOff(p.contract, `sending failed: ${errorText(err)}`);
          failed = errorText(err);
          return 0;
        });
        if (n === 0) break;
        remaining -= n;
      }
    }
    lastError = failed;
    return report;
  }

  let stopper: AbortController | undefined;
  let loop: Promise<void> | undefined;

  return {
    tick,
    start() {
      if (loop) return;
      const abort = (stopper = new AbortController());
      loop = (async () => {
        let failures = 0;
        while (!abort.signal.aborted) {
          let wait = s.intervalMs / 4;
          try {
            const r = await tick();
            if (r.sent || r.requeued) log(`sent ${r.sent}, confirmed ${r.confirmed}, queued again ${r.requeued}`);
            failures = 0;
          } catch (err) {
            failures++;
            lastError = errorText(err);
            wait = delay(failures);
            log(`tick failed (${lastError}); next try in ${wait} ms`);
          }
          await sleep(wait, abort.signal);
        }
      })();
    },
    async stop() {
      stopper?.abort();
      await loop;
      loop = undefined;
    },
    async status() {
      return {
        signer: signer.address,
        ...(await queueCounts(db)),
        lastError,
        backoff: [...backoff].map(([contract, b]) => ({ contract, reason: b.reason })),
      };
    },
  };
}

export type CheckInBatcher = ReturnType<typeof createCheckInBatcher>;
