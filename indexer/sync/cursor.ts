/** Where sync stands: the last fully applied block, and the hashes kept for reorg detection. */
import { eq } from "drizzle-orm";
import type { Address } from "viem";
import { blocks, events, syncCursor, tickets, transfers } from "../db/schema";
import type { DbOrTx } from "../db/types";

/** One cursor per (chain, factory), so a redeployed factory starts afresh. */
export function cursorId(chainId: number, factory: Address): string {
  return `${chainId}:${factory.toLowerCase()}`;
}

/** The last applied block, or `null` if this (chain, factory) was never synced. */
export async function readCursor(db: DbOrTx, id: string): Promise<number | null> {
  const [row] = await db.select({ n: syncCursor.blockNumber }).from(syncCursor).where(eq(syncCursor.id, id));
  return row ? row.n : null;
}

export async function writeCursor(db: DbOrTx, id: string, chainId: number, blockNumber: number): Promise<void> {
  await db
    .insert(syncCursor)
    .values({ id, chainId, blockNumber, updatedAt: new Date() })
    .onConflictDoUpdate({ target: syncCursor.id, set: { blockNumber, updatedAt: new Date() } });
}

export async function readBlockHash(db: DbOrTx, blockNumber: number): Promise<string | null> {
  const [row] = await db.select({ hash: blocks.hash }).from(blocks).where(eq(blocks.number, blockNumber));
  return row ? row.hash : null;
}

/**
 * Forgets everything derived from the chain (not gate challenges or check-ins, which record
 * what happened at the door). Until reorg rollback lands, a diverged chain is re-synced from scratch.
 */
export async function clearChainData(db: DbOrTx, id: string): Promise<void> {
  await db.delete(transfers);
  await db.delete(tickets);
  await db.delete(events);
  await db.delete(blocks);
  await db.delete(syncCursor).where(eq(syncCursor.id, id));
}
