/**
 * POST /gate/offline/reconcile: an offline gate uploads its queued admissions. Each becomes a
 * check-in (mode `offline`) unless the ticket was already admitted: then it is a conflict, stored
 * in check_in_conflicts and returned, never dropped. Re-sending the same admission (a retry after
 * a lost response) is recognised and answered as `duplicate`, with no new conflict.
 */
import { and, eq } from "drizzle-orm";
import { checkInConflicts, checkIns } from "../../db/schema";
import type { GateContext } from "../gate-context";
import type { GateSession } from "../sessions/gate-session";

export type ReconcileAdmission = { tokenId: bigint; holder: `0x${string}`; admittedAt: Date };
export type ReconcileResult = {
  accepted: string[];
  duplicates: string[];
  conflicts: { tokenId: string; admittedAt: string; firstGateId: string; firstAt: string }[];
};

export async function reconcileOffline(ctx: GateContext, session: GateSession, admissions: ReconcileAdmission[]): Promise<ReconcileResult> {
  const contract = session.contract.toLowerCase();
  const result: ReconcileResult = { accepted: [], duplicates: [], conflicts: [] };
  const sorted = [...admissions].sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
  for (const a of sorted) {
    const id = a.tokenId.toString();
    const inserted = await ctx.db
      .insert(checkIns)
      .values({ contract, tokenId: a.tokenId, holder: a.holder.toLowerCase(), gateId: session.gateId, checkedInAt: a.admittedAt, mode: "offline" })
      .onConflictDoNothing()
      .returning({ tokenId: checkIns.tokenId });
    if (inserted.length > 0) {
      result.accepted.push(id);
      continue;
    }
    const [first] = await ctx.db.select().from(checkIns).where(and(eq(checkIns.contract, contract), eq(checkIns.tokenId, a.tokenId)));
    if (!first) throw new Error(`check-in of ${id} vanished during reconcile`);
    if (first.gateId === session.gateId && first.checkedInAt.getTime() === a.admittedAt.getTime()) {
      result.duplicates.push(id);
      continue;
    }
    await ctx.db
      .insert(checkInConflicts)
      .values({ contract, tokenId: a.tokenId, gateId: session.gateId, admittedAt: a.admittedAt, firstGateId: first.gateId, firstAt: first.checkedInAt, reportedAt: ctx.now() })
      .onConflictDoNothing();
    result.conflicts.push({ tokenId: id, admittedAt: a.admittedAt.toISOString(), firstGateId: first.gateId, firstAt: first.checkedInAt.toISOString() });
  }
  return result;
}
