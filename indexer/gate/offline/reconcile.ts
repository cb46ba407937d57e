/**
 * POST /gate/offline/reconcile: an offline gate uploads its queued admissions. Each is judged by
 * the online gate's rules at its own time (lib/gate/judge-admission.ts): the ticket is one of the
 * session's event, its holder then was the claimed holder, the event is not cancelled, the tier
 * admits to the session's zone, an identity binding was made by the tier's deadline, and the
 * admission is dated inside the gate's offline window (from the first snapshot a session of this
 * event, gate id and zone downloaded, to this session's end, ±60 s of clock skew). One that passes becomes a check-in (mode `offline`) unless the ticket was
 * already admitted; every other one is a conflict with its reason, stored in check_in_conflicts and
 * returned, never dropped. Re-sending the same admission (a retry after a lost response) is
 * answered as before (`duplicate`, or the same conflict), with nothing new stored.
 *
 * The holder at the time: transfers up to the mirror's block at that first snapshot were mined
 * before it; a later transfer counts if its block's timestamp (asked of the chain, cached) is not
 * after the admission. Named tickets' ID numbers were checked at the door (they never leave it).
 * The mirror must be fresh and the chain answer, else nothing is recorded (INDEXER_STALE: retry).
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { judgeAdmission, type Judgement } from "../../../lib/gate/judge-admission";
import type { DenyReason } from "../../../lib/gate/reasons";
import { checkInConflicts, checkIns, gateSessions } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { askChain, mirrorIsFresh, UNREACHABLE } from "../steps/resolve-owner";
import type { GateSession } from "../sessions/gate-session";
import { holderAt, loadReconcileFacts } from "./reconcile-facts";

export type ReconcileAdmission = { tokenId: bigint; holder: `0x${string}`; admittedAt: Date };
export type ReconcileConflict = {
  tokenId: string;
  admittedAt: string;
  /** Why it is not a check-in: ALREADY_CHECKED_IN (another gate was first), or the rule it failed. */
  reason: DenyReason;
  message: string;
  /** The gate that holds the check-in (ALREADY_CHECKED_IN only). */
  firstGateId?: string;
  firstAt?: string;
};
export type ReconcileResult = { accepted: string[]; duplicates: string[]; conflicts: ReconcileConflict[] };

/** Clock difference tolerated between an offline scanner and the server. */
const SKEW_MS = 60_000;

/** Block timestamps (unix seconds) by block number, per chain client: a block's timestamp never changes (bar reorgs, which move transfers too). */
const blockTimesByClient = new WeakMap<object, Map<number, number>>();
const MAX_BLOCK_TIMES = 10_000;

export async function reconcileOffline(
  ctx: GateContext,
  session: GateSession,
  admissions: ReconcileAdmission[],
): Promise<ReconcileResult> {
  if (!mirrorIsFresh(ctx))
    throw new GateDenial(
      "INDEXER_STALE",
      "the indexer is behind the chain: reconcile again shortly (nothing was recorded)",
    );
  const contract = session.contract.toLowerCase();
  const sorted = [...admissions].sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
  const ids = sorted.map((a) => a.tokenId);
  const [[window], facts, admitted] = await Promise.all([
    // The gate's first snapshot, by any of its sessions: staff who signed in again (a session ended, a new
    // invite) still hand in what the scanner admitted under the previous session, from the same queue.
    ctx.db
      .select({ from: gateSessions.firstSnapshotAt, block: gateSessions.firstSnapshotBlock })
      .from(gateSessions)
      .where(
        and(
          eq(gateSessions.contract, contract),
          eq(gateSessions.gateId, session.gateId),
          eq(gateSessions.zone, session.zone),
          isNotNull(gateSessions.firstSnapshotAt),
        ),
      )
      .orderBy(asc(gateSessions.firstSnapshotAt))
      .limit(1),
    loadReconcileFacts(ctx.db, contract, ids),
    ids.length === 0
      ? []
      : ctx.db
          .select()
          .from(checkIns)
          .where(and(eq(checkIns.contract, contract), inArray(checkIns.tokenId, ids))),
  ]);
  const firstOf = new Map(admitted.map((r) => [r.tokenId.toString(), r]));
  const isRetry = (a: ReconcileAdmission) => {
    const first = firstOf.get(a.tokenId.toString());
    return (
      first !== undefined && first.gateId === session.gateId && first.checkedInAt.getTime() === a.admittedAt.getTime()
    );
  };
  const blockTimes = blockTimesByClient.get(ctx.client) ?? new Map<number, number>();
  blockTimesByClient.set(ctx.client, blockTimes);
  const blockTime = async (block: number): Promise<number> => {
    const hit = blockTimes.get(block);
    if (hit !== undefined) return hit;
    const read = await askChain(ctx, ctx.client.getBlock({ blockNumber: BigInt(block) }));
    if (read === UNREACHABLE)
      throw new GateDenial(
        "INDEXER_STALE",
        "could not read a block's time from the chain: reconcile again shortly (nothing was recorded)",
      );
    if (blockTimes.size >= MAX_BLOCK_TIMES) blockTimes.clear();
    blockTimes.set(block, Number(read.timestamp));
    return Number(read.timestamp);
  };

  // Judge everything first (this may ask the chain), then write: a failed read records nothing.
  const judged: { a: ReconcileAdmission; j: Judgement }[] = [];
  for (const a of sorted) {
    // A retry of an admission already recorded is answered as before, whatever has changed since.
    if (isRetry(a)) {
      judged.push({ a, j: { admit: true } });
      continue;
    }
    const at = a.admittedAt.getTime();
    const ticket = facts.tickets.get(a.tokenId.toString());
    let j: Judgement;
    if (
      !window?.from ||
      window.block === null ||
      at < window.from.getTime() - SKEW_MS ||
      at > session.expiresAt.getTime() + SKEW_MS
    ) {
      const since = window?.from ? `from ${window.from.toISOString()} ` : "";
      j = {
        admit: false,
        reason: "OUTSIDE_SNAPSHOT",
        message: `admitted at ${a.admittedAt.toISOString()}; this gate's offline window is ${since || "empty (no snapshot) "}to ${session.expiresAt.toISOString()}`,
      };
    } else {
      j = judgeAdmission(
        {
          owner: ticket ? await holderAt(ticket, at, window.block, blockTime) : null,
          cancelled: facts.cancelled,
          zones: ticket?.zones ?? null,
          identityCommitment: ticket?.identityCommitment ?? null,
          identityDeadline: ticket?.identityDeadline ?? null,
          bound: ticket?.bound ?? false,
        },
        { claimant: a.holder, zone: session.zone, atMs: at, identity: { kind: "checked-at-door" } },
      );
    }
    judged.push({ a, j });
  }

  const result: ReconcileResult = { accepted: [], duplicates: [], conflicts: [] };
  for (const { a, j } of judged) {
    const id = a.tokenId.toString();
    if (!j.admit) {
      await ctx.db
        .insert(checkInConflicts)
        .values({
          contract,
          tokenId: a.tokenId,
          gateId: session.gateId,
          admittedAt: a.admittedAt,
          reason: j.reason,
          reportedAt: ctx.now(),
        })
        .onConflictDoNothing();
      result.conflicts.push({
        tokenId: id,
        admittedAt: a.admittedAt.toISOString(),
        reason: j.reason,
        message: j.message,
      });
      continue;
    }
    const inserted = await ctx.db
      .insert(checkIns)
      .values({
        contract,
        tokenId: a.tokenId,
        holder: a.holder.toLowerCase(),
        gateId: session.gateId,
        checkedInAt: a.admittedAt,
        mode: "offline",
      })
      .onConflictDoNothing()
      .returning({ tokenId: checkIns.tokenId });
    if (inserted.length > 0) {
      result.accepted.push(id);
      continue;
    }
    const [first] = await ctx.db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.contract, contract), eq(checkIns.tokenId, a.tokenId)));
    if (!first) throw new Error(`check-in of ${id} vanished during reconcile`);
    if (first.gateId === session.gateId && first.checkedInAt.getTime() === a.admittedAt.getTime()) {
      result.duplicates.push(id);
      continue;
    }
    await ctx.db
      .insert(checkInConflicts)
      .values({
        contract,
        tokenId: a.tokenId,
        gateId: session.gateId,
        admittedAt: a.admittedAt,
        reason: "ALREADY_CHECKED_IN",
        firstGateId: first.gateId,
        firstAt: first.checkedInAt,
        reportedAt: ctx.now(),
      })
      .onConflictDoNothing();
    result.conflicts.push({
      tokenId: id,
      admittedAt: a.admittedAt.toISOString(),
      reason: "ALREADY_CHECKED_IN",
      message: `first admitted at ${first.gateId}`,
      firstGateId: first.gateId,
      firstAt: first.checkedInAt.toISOString(),
    });
  }
  return result;
}
