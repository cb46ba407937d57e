/** EventTicket ERC-721 `Transfer` (mints included): append provenance, move the owner. */
import { sql } from "drizzle-orm";
import { tickets, transfers } from "../db/schema";
import type { DbTx } from "../db/types";
import type { TransferLog } from "../sync/range-logs";

export async function handleTransfer(tx: DbTx, log: TransferLog): Promise<void> {
  const contract = log.address.toLowerCase();
  const { from, to, tokenId } = log.args;
  const blockNumber = Number(log.blockNumber);

  await tx
    .insert(transfers)
    .values({
      blockNumber,
      logIndex: log.logIndex,
      contract,
      tokenId,
      from: from.toLowerCase(),
      to: to.toLowerCase(),
      txHash: log.transactionHash.toLowerCase(),
    })
    .onConflictDoNothing();

  // Burns keep the row, owned by 0x0. The WHERE makes re-applying an older log a no-op.
  await tx
    .insert(tickets)
    .values({
      contract,
      tokenId,
      owner: to.toLowerCase(),
      mintedBlock: blockNumber,
      updatedBlock: blockNumber,
      updatedLogIndex: log.logIndex,
    })
    .onConflictDoUpdate({
      target: [tickets.contract, tickets.tokenId],
      set: {
        owner: sql`excluded.owner`,
        updatedBlock: sql`excluded.updated_block`,
        updatedLogIndex: sql`excluded.updated_log_index`,
      },
      setWhere: sql`(${tickets.updatedBlock}, ${tickets.updatedLogIndex}) < (excluded.updated_block, excluded.updated_log_index)`,
    });
}
