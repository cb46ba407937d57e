/**
 * GET /gate/offline/delta?block=<n>&at=<ms>: what changed for the session's event since a snapshot's
 * cursor (its `block` and `issuedAt`), signed like the snapshot (lib/offline/snapshot-delta.ts):
 * tickets minted, moved, burned or bound since the block (and those of a tier whose real-name
 * deadline changed), delegations registered since the time, admissions recorded since the time
 * (every offline-reconciled one too: those carry the door's time, which may be earlier), and
 * whether the event is cancelled. Time windows overlap by a minute (instances' clocks); a repeated
 * entry merges to the same thing.
 */
import { and, eq, gt, inArray, min, or, sql } from "drizzle-orm";
import { zeroAddress } from "viem";
import { OFFLINE_DELTA_LIMITS } from "../../api/abuse-limits";
import { checkIns, events, identityDeadlines, passDelegations, tickets } from "../../db/schema";
import { DELTA_VERSION, type SignedSnapshot, type SnapshotDelta } from "../../../lib/offline";
import { deadlinesByTier, identityDeadlineRows } from "../facts/tier-deadlines";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import type { GateSession } from "../sessions/gate-session";
import { ownerRow, seatRows, selectMirrorTickets, usableDelegations } from "./snapshot-rows";

/** Clock overlap of the time-based windows (delegations, admissions) across instances. */
const OVERLAP_MS = 60_000;

export type DeltaCursor = { block: number; at: number };

export async function buildDelta(ctx: GateContext, session: GateSession, since: DeltaCursor): Promise<SignedSnapshot> {
  const now = ctx.now();
  if (since.at > now.getTime() + OVERLAP_MS || now.getTime() - since.at > OFFLINE_DELTA_LIMITS.maxCursorAgeMs)
    throw new GateDenial("MALFORMED", "delta cursor too old or in the future: download a full snapshot");
  const contract = session.contract.toLowerCase();
  // Read before the facts, as for the snapshot: the new cursor never claims more than was read.
  const indexedBlock = ctx.syncStatus().indexedBlock;
  const after = new Date(since.at - OVERLAP_MS);
  const [deadlineRows, [event]] = await Promise.all([
    identityDeadlineRows(ctx.db, contract),
    ctx.db
      .select({ cancelledAt: events.cancelledAt, startTime: events.startTime })
      .from(events)
      .where(eq(events.address, contract)),
  ]);
  const newDeadlineTiers = await ctx.db
    .selectDistinct({ tier: identityDeadlines.tier })
    .from(identityDeadlines)
    .where(and(eq(identityDeadlines.contract, contract), gt(identityDeadlines.blockNumber, since.block)));
  const changed = await selectMirrorTickets(ctx.db).where(
    and(
      eq(tickets.contract, contract),
      or(
        gt(tickets.updatedBlock, since.block),
        gt(tickets.boundBlock, since.block),
        newDeadlineTiers.length > 0
          ? inArray(
              tickets.tier,
              newDeadlineTiers.map((t) => t.tier),
            )
          : sql`false`,
      ),
    ),
  );
  const [delegations, admitted] = await Promise.all([
    ctx.db
      .select()
      .from(passDelegations)
      .where(
        and(
          eq(passDelegations.contract, contract),
          gt(passDelegations.expiresAt, now),
          gt(passDelegations.createdAt, after),
        ),
      ),
    ctx.db
      .select({ tokenId: checkIns.tokenId })
      .from(checkIns)
      .where(and(eq(checkIns.contract, contract), or(gt(checkIns.checkedInAt, after), eq(checkIns.mode, "offline")))),
  ]);
  const holders = [...new Set(delegations.map((d) => d.holder.toLowerCase()))];
  const earliest =
    holders.length === 0
      ? []
      : await ctx.db
          .select({ owner: tickets.owner, block: min(tickets.updatedBlock) })
          .from(tickets)
          .where(and(eq(tickets.contract, contract), inArray(tickets.owner, holders)))
          .groupBy(tickets.owner);
  const deadlines = deadlinesByTier(deadlineRows, event?.startTime);
  const held = changed.filter((o) => o.owner !== zeroAddress);
  const seats = await seatRows(ctx, contract, held);
  const delta: SnapshotDelta = {
    kind: "delta",
    version: DELTA_VERSION,
    chainId: ctx.chainId,
    contract: session.contract,
    gateId: session.gateId,
    zone: session.zone,
    since: { block: since.block, issuedAt: since.at },
    block: Math.max(indexedBlock, since.block),
    issuedAt: now.getTime(),
    cancelled: event?.cancelledAt != null,
    owners: held.map((o) => ownerRow(o, deadlines)),
    burned: changed.filter((o) => o.owner === zeroAddress).map((o) => o.tokenId.toString()),
    delegations: usableDelegations(
      delegations,
      new Map(earliest.map((e) => [e.owner.toLowerCase(), Number(e.block ?? Number.POSITIVE_INFINITY)])),
    ),
    checkedIn: admitted.map((a) => a.tokenId.toString()),
    ...(seats.length > 0 ? { seats } : {}),
  };
  const payload = JSON.stringify(delta);
  return {
    payload,
    signature: ctx.snapshotSigner.sign(new TextEncoder().encode(payload)),
    publicKey: ctx.snapshotSigner.publicKey,
  };
}
