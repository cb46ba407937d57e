/**
 * The on-chain check-in queue is the `check_ins` table itself, so an admission can never be
 * queued apart from being recorded. A row is
 *   pending    chain_submitted_at NULL, chain_confirmed false
 *   in flight  chain_submitted_at set (intent written before sending), chain_tx once known
 *   confirmed  chain_confirmed true (a mined checkIn, or `isCheckedIn` read true on chain)
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, min, sql } from "drizzle-orm";
import type { Address, Hash } from "viem";
import { checkIns } from "../../db/schema";
import type { Db } from "../../db/types";

export type QueuedCheckIn = { contract: Address; tokenId: bigint; chainTx: Hash | null; submittedAt: Date | null };

const lower = (a: string) => a.toLowerCase();

/** Contracts with pending rows: how many, and the oldest admission time. */
export async function pendingByContract(db: Db): Promise<{ contract: Address; pending: number; oldest: Date }[]> {
  const rows = await db
    .select({ contract: checkIns.contract, pending: count(), oldest: min(checkIns.checkedInAt) })
    .from(checkIns)
    .where(and(eq(checkIns.chainConfirmed, false), isNull(checkIns.chainSubmittedAt)))
    .groupBy(checkIns.contract);
  return rows.map((r) => ({
    contract: r.contract as Address,
    pending: Number(r.pending),
    oldest: r.oldest ?? new Date(0),
  }));
}

/** Oldest pending token ids of one event. */
export async function pendingIds(db: Db, contract: Address, limit: number): Promise<bigint[]> {
  const rows = await db
    .select({ tokenId: checkIns.tokenId })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.contract, lower(contract)),
        eq(checkIns.chainConfirmed, false),
        isNull(checkIns.chainSubmittedAt),
      ),
    )
    .orderBy(asc(checkIns.checkedInAt), asc(checkIns.tokenId))
    .limit(limit);
  return rows.map((r) => r.tokenId);
}

/** Writes the intent to send (before sending): returns the ids this call claimed. */
export async function markInFlight(db: Db, contract: Address, ids: bigint[], at: Date): Promise<bigint[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(checkIns)
    .set({ chainSubmittedAt: at, chainTx: null })
    .where(
      and(
        eq(checkIns.contract, lower(contract)),
        inArray(checkIns.tokenId, ids),
        isNull(checkIns.chainSubmittedAt),
        eq(checkIns.chainConfirmed, false),
      ),
    )
    .returning({ tokenId: checkIns.tokenId });
  return rows.map((r) => r.tokenId);
}

export async function recordTx(db: Db, contract: Address, ids: bigint[], tx: Hash): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(checkIns)
    .set({ chainTx: tx })
    .where(
      and(eq(checkIns.contract, lower(contract)), inArray(checkIns.tokenId, ids), eq(checkIns.chainConfirmed, false)),
    );
}

export async function markConfirmed(db: Db, contract: Address, ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(checkIns)
    .set({ chainConfirmed: true })
    .where(and(eq(checkIns.contract, lower(contract)), inArray(checkIns.tokenId, ids)));
}

/** Back to pending: the chain says these are not checked in and nothing of ours is in flight. */
export async function markPending(db: Db, contract: Address, ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(checkIns)
    .set({ chainSubmittedAt: null, chainTx: null })
    .where(
      and(eq(checkIns.contract, lower(contract)), inArray(checkIns.tokenId, ids), eq(checkIns.chainConfirmed, false)),
    );
}

export async function inFlight(db: Db): Promise<QueuedCheckIn[]> {
  const rows = await db
    .select({
      contract: checkIns.contract,
      tokenId: checkIns.tokenId,
      chainTx: checkIns.chainTx,
      submittedAt: checkIns.chainSubmittedAt,
    })
    .from(checkIns)
    .where(and(eq(checkIns.chainConfirmed, false), isNotNull(checkIns.chainSubmittedAt)));
  return rows.map((r) => ({
    contract: r.contract as Address,
    tokenId: r.tokenId,
    chainTx: r.chainTx as Hash | null,
    submittedAt: r.submittedAt,
  }));
}

/** Counts for logs, /health-style status and tests. */
export async function queueCounts(db: Db): Promise<{ pending: number; inFlight: number; confirmed: number }> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where not ${checkIns.chainConfirmed} and ${checkIns.chainSubmittedAt} is null)`,
      inFlight: sql<number>`count(*) filter (where not ${checkIns.chainConfirmed} and ${checkIns.chainSubmittedAt} is not null)`,
      confirmed: sql<number>`count(*) filter (where ${checkIns.chainConfirmed})`,
    })
    .from(checkIns);
  return {
    pending: Number(row?.pending ?? 0),
    inFlight: Number(row?.inFlight ?? 0),
    confirmed: Number(row?.confirmed ?? 0),
  };
}
