/**
 * ERC-721 `Transfer` (mints included), in bulk: append provenance rows, then move each
 * ticket's owner with one upsert per ticket (the range's last transfer of it wins).
 */
import { sql } from "drizzle-orm";
import { zeroAddress } from "viem";
import { tickets, transfers } from "../db/schema";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import { inChunks, lower, position } from "./bulk";
import { tokenKey, type TokenAttributes } from "./issuance";

export async function applyTransfers(tx: DbTx, logs: LogOf<"Transfer">[], attributes: ReadonlyMap<string, TokenAttributes>): Promise<void> {
  if (logs.length === 0) return;
  const rows = logs.map((log) => ({
    ...position(log),
    contract: lower(log.address),
    tokenId: log.args.tokenId,
    from: lower(log.args.from),
    to: lower(log.args.to),
    kind: log.args.from === zeroAddress ? "mint" : "transfer",
  }));
  await inChunks(rows, (c) => tx.insert(transfers).values(c).onConflictDoNothing());

  // One row per ticket: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
  const latest = new Map<string, (typeof ticketRows)[number]>();
  const ticketRows = rows.map((r) => {
    const attrs = attributes.get(tokenKey(r.contract, r.tokenId));
    return {
      contract: r.contract,
      tokenId: r.tokenId,
      owner: r.to,
      mintedBlock: r.blockNumber,
      updatedBlock: r.blockNumber,
      updatedLogIndex: r.logIndex,
      tier: attrs?.tier ?? null,
      paid: attrs?.paid ?? false,
      identityCommitment: attrs?.identityCommitment ?? null,
    };
  });
  for (const row of ticketRows) {
    const key = tokenKey(row.contract, row.tokenId);
    const first = latest.get(key);
    // Keep the first sighting's mint block, take the last sighting's owner and position.
    latest.set(key, first ? { ...first, owner: row.owner, updatedBlock: row.updatedBlock, updatedLogIndex: row.updatedLogIndex } : row);
  }
  await inChunks([...latest.values()], (chunk) =>
    tx
      .insert(tickets)
      .values(chunk)
      .onConflictDoUpdate({
        target: [tickets.contract, tickets.tokenId],
        set: {
          owner: sql`excluded.owner`,
          updatedBlock: sql`excluded.updated_block`,
          updatedLogIndex: sql`excluded.updated_log_index`,
        },
        // Re-applying an older log is a no-op.
        setWhere: sql`(${tickets.updatedBlock}, ${tickets.updatedLogIndex}) < (excluded.updated_block, excluded.updated_log_index)`,
      }),
  );
}
