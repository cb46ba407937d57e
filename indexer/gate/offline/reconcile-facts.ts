/**
 * What reconcile needs to judge offline admissions by the online rules, for one event and a few
 * tickets, from the mirror: each ticket's transfer history (to know who held it at the admission's
 * time), tier zones, identity commitment, binding and the tier's real-name deadline, and whether
 * the event is cancelled. Two statements whatever the number of tickets, plus the event's rows.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { zeroAddress, zeroHash } from "viem";
import { events, tickets, tiers, transfers } from "../../db/schema";
import { deadlinesByTier, identityDeadlineRows } from "../facts/tier-deadlines";
import type { Db } from "../../db/types";

export type TicketHistory = {
  zones: number | null;
  identityCommitment: string | null;
  /** Unix seconds by which an unbound ticket of this tier had to be bound; null: no binding needed. */
  identityDeadline: number | null;
  bound: boolean;
  /** Oldest first: [block, new holder (lowercase; the zero address for a burn)]. */
  transfers: [number, string][];
};

export type EventFacts = { cancelled: boolean; tickets: Map<string, TicketHistory> };

export async function loadReconcileFacts(db: Db, contract: string, tokenIds: bigint[]): Promise<EventFacts> {
  const ids = [...new Set(tokenIds)];
  const [rows, moves, [event], deadlineRows] = await Promise.all([
    db
      .select({
        tokenId: tickets.tokenId,
        tier: tickets.tier,
        zones: tiers.zones,
        identity: tickets.identityCommitment,
        boundBlock: tickets.boundBlock,
      })
      .from(tickets)
      .leftJoin(tiers, and(eq(tiers.contract, tickets.contract), eq(tiers.tier, tickets.tier)))
      .where(and(eq(tickets.contract, contract), inArray(tickets.tokenId, ids))),
    db
      .select({ tokenId: transfers.tokenId, block: transfers.blockNumber, to: transfers.to })
      .from(transfers)
      .where(and(eq(transfers.contract, contract), inArray(transfers.tokenId, ids)))
      .orderBy(asc(transfers.blockNumber), asc(transfers.logIndex)),
    db
      .select({ cancelledAt: events.cancelledAt, startTime: events.startTime })
      .from(events)
      .where(eq(events.address, contract)),
    identityDeadlineRows(db, contract),
  ]);
  const deadlines = deadlinesByTier(deadlineRows, event?.startTime);
  const out = new Map<string, TicketHistory>();
  for (const r of rows) {
    const identity = r.identity?.toLowerCase() ?? null;
    out.set(r.tokenId.toString(), {
      zones: r.zones ?? null,
      identityCommitment: identity === null || identity === zeroHash ? null : identity,
      identityDeadline: r.tier === null ? null : (deadlines.get(r.tier) ?? null),
      bound: r.boundBlock !== null,
      transfers: [],
    });
  }
  for (const m of moves) out.get(m.tokenId.toString())?.transfers.push([m.block, m.to.toLowerCase()]);
  return { cancelled: event?.cancelledAt != null, tickets: out };
}

/** The holder at time `atMs`: transfers up to `knownBefore` count, later ones only if their block's timestamp is not after it. */
export async function holderAt(
  history: TicketHistory,
  atMs: number,
  knownBefore: number,
  blockTime: (block: number) => Promise<number>,
): Promise<string | null> {
  let holder: string | null = null;
  for (const [block, to] of history.transfers) {
    if (block > knownBefore && (await blockTime(block)) * 1000 > atMs) break;
    holder = to === zeroAddress ? null : to;
  }
  return holder;
}
