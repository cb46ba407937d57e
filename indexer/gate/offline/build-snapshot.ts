/**
 * GET /gate/offline/snapshot: one event's owners with each ticket's zones, identity commitment and
 * real-name deadline when unbound, reserved tickets' seats,
 * whether it is cancelled, the live delegations of its holders and admissions, signed. Facts come from the mirror.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { zeroAddress } from "viem";
import { checkIns, events, gateSessions, passDelegations, tickets } from "../../db/schema";
import { deadlinesByTier, identityDeadlineRows } from "../facts/tier-deadlines";
import { SNAPSHOT_VERSION, type SignedSnapshot, type Snapshot } from "../../../lib/offline";
import type { GateContext } from "../gate-context";
import type { GateSession } from "../sessions/gate-session";
import { ownerRow, seatRows, selectMirrorTickets, usableDelegations } from "./snapshot-rows";

export async function buildSnapshot(ctx: GateContext, session: GateSession): Promise<SignedSnapshot> {
  const contract = session.contract.toLowerCase();
  const now = ctx.now();
  // Read before the facts: every transfer up to this block was mined before this snapshot was issued.
  const indexedBlock = ctx.syncStatus().indexedBlock;
  const [owners, delegations, admitted, [event], deadlineRows] = await Promise.all([
    selectMirrorTickets(ctx.db).where(eq(tickets.contract, contract)),
    ctx.db
      .select()
      .from(passDelegations)
      .where(and(eq(passDelegations.contract, contract), gt(passDelegations.expiresAt, now))),
    ctx.db.select({ tokenId: checkIns.tokenId }).from(checkIns).where(eq(checkIns.contract, contract)),
    ctx.db
      .select({ cancelledAt: events.cancelledAt, startTime: events.startTime })
      .from(events)
      .where(eq(events.address, contract)),
    identityDeadlineRows(ctx.db, contract),
  ]);
  const deadlines = deadlinesByTier(deadlineRows, event?.startTime);
  const held = owners.filter((o) => o.owner !== zeroAddress);
  const earliestHeld = new Map<string, number>();
  for (const o of held) {
    const owner = o.owner.toLowerCase();
    earliestHeld.set(owner, Math.min(o.block, earliestHeld.get(owner) ?? Number.POSITIVE_INFINITY));
  }
  const seats = await seatRows(ctx, contract, held);
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    chainId: ctx.chainId,
    contract: session.contract,
    gateId: session.gateId,
    zone: session.zone,
    issuedAt: now.getTime(),
    block: indexedBlock,
    slotSeconds: ctx.settings.passSlotSeconds,
    skewSlots: ctx.settings.passSkewSlots,
    cancelled: event?.cancelledAt != null,
    // Burned tickets (owner 0x0) are left out: offline they are UNKNOWN_TOKEN, as online.
    owners: held.map((o) => ownerRow(o, deadlines)),
    delegations: usableDelegations(delegations, earliestHeld),
    checkedIn: admitted.map((a) => a.tokenId.toString()),
    ...(seats.length > 0 ? { seats } : {}),
  };
  // The session's first snapshot opens its offline window: reconcile refuses admissions dated before it.
  await ctx.db
    .update(gateSessions)
    .set({ firstSnapshotAt: now, firstSnapshotBlock: indexedBlock })
    .where(and(eq(gateSessions.tokenHash, session.tokenHash), isNull(gateSessions.firstSnapshotAt)));
  const payload = JSON.stringify(snapshot);
  return {
    payload,
    signature: ctx.snapshotSigner.sign(new TextEncoder().encode(payload)),
    publicKey: ctx.snapshotSigner.publicKey,
  };
}
