/**
 * Real-name deadlines per tier, from the mirror's `identity_deadlines` (every IdentityDeadlineSet),
 * for the offline snapshot and reconcile. The latest row per tier wins; 0 seconds clears it; the
 * deadline is `startTime − seconds`, at least 1, as the contract computes it.
 */
import { asc, eq } from "drizzle-orm";
import { identityDeadlines } from "../../db/schema";
import type { Db } from "../../db/types";

export type DeadlineRow = { tier: number; secs: number };

/** The event's deadline rows, oldest first. */
export function identityDeadlineRows(db: Db, contract: string): Promise<DeadlineRow[]> {
  return db
    .select({ tier: identityDeadlines.tier, secs: identityDeadlines.secondsBeforeStart })
    .from(identityDeadlines)
    .where(eq(identityDeadlines.contract, contract))
    .orderBy(asc(identityDeadlines.blockNumber), asc(identityDeadlines.logIndex));
}

/** Tier → unix seconds by which an unbound ticket of it had to be bound; tiers without one are absent. */
export function deadlinesByTier(rows: DeadlineRow[], startTime: number | bigint | undefined): Map<number, number> {
  const deadlines = new Map<number, number>();
  for (const d of rows) {
    if (d.secs === 0 || startTime === undefined) deadlines.delete(d.tier);
    else deadlines.set(d.tier, Math.max(Number(startTime) - d.secs, 1));
  }
  return deadlines;
}
