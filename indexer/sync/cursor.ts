/** Where sync stands: the last fully applied block, and the hashes kept for reorg detection. */
import { desc, eq, sql } from "drizzle-orm";
import type { Address } from "viem";
import { blocks, syncCursor } from "../db/schema";
import type { DbOrTx } from "../db/types";

/** One cursor per (chain, factory), so a redeployed factory starts afresh. */
export function cursorId(chainId: number, factory: Address): string {
  return `${chainId}:${factory.toLowerCase()}`;
}

/** Another writer moved the cursor under us (a second syncing instance): this transaction must not commit. */
export class CursorMovedError extends Error {
  override name = "CursorMovedError";
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

/**
 * Moves the cursor from `expected` to `next`, or throws CursorMovedError if it is not at
 * `expected`. Locks the cursor row first, so two writers serialise and the second one fails.
 */
export async function advanceCursor(
  db: DbOrTx,
  id: string,
  chainId: number,
  expected: number | null,
  next: number,
): Promise<void> {
  const rows = await db.execute<{ block_number: string | number }>(
    sql`SELECT block_number FROM sync_cursor WHERE id = ${id} FOR UPDATE`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { block_number: string | number }[] }).rows) ?? [];
  const current = list.length > 0 ? Number(list[0]!.block_number) : null;
  if (current !== expected) {
    throw new CursorMovedError(
      `sync cursor is at ${current ?? "none"}, expected ${expected ?? "none"}: another instance is writing`,
    );
  }
  await writeCursor(db, id, chainId, next);
}

export async function readBlockHash(db: DbOrTx, blockNumber: number): Promise<string | null> {
  const [row] = await db.select({ hash: blocks.hash }).from(blocks).where(eq(blocks.number, blockNumber));
  return row ? row.hash : null;
}

/** Stored block hashes, newest first: the candidates for a common ancestor after a reorg. */
export async function storedBlocks(db: DbOrTx): Promise<{ number: number; hash: string }[]> {
  return db.select({ number: blocks.number, hash: blocks.hash }).from(blocks).orderBy(desc(blocks.number));
}
