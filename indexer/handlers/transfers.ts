/**
 * ERC-721 `Transfer` (mints included), in bulk: append provenance rows, then move each
 * ticket's owner with one upsert row per ticket (the range's last transfer of it wins), each
 * as `unnest` statements (see unnest-insert.ts).
 */
import { sql } from "drizzle-orm";
import { zeroAddress } from "viem";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import { lower } from "./bulk";
import { tokenKey, type TokenAttributes } from "./issuance";
import { inSlices, unnestInsert } from "./unnest-insert";

type TicketRow = {
  contract: string;
  tokenId: bigint;
  owner: string;
  mintedBlock: number;
  updatedBlock: number;
  updatedLogIndex: number;
  tier: number | null;
  paid: boolean;
  identityCommitment: string | null;
  channel: number;
};

export async function applyTransfers(
  tx: DbTx,
  logs: LogOf<"Transfer">[],
  attributes: ReadonlyMap<string, TokenAttributes>,
): Promise<void> {
  if (logs.length === 0) return;
  const contracts = logs.map((l) => lower(l.address));
  const blocks = logs.map((l) => Number(l.blockNumber));
  await inSlices(logs.length, (s, e) =>
    tx.execute(
      unnestInsert(
        "transfers",
        [
          { name: "block_number", type: "int8", values: blocks.slice(s, e) },
          { name: "log_index", type: "int4", values: logs.slice(s, e).map((l) => l.logIndex) },
          { name: "contract", type: "text", values: contracts.slice(s, e) },
          { name: "token_id", type: "numeric", values: logs.slice(s, e).map((l) => l.args.tokenId) },
          { name: "from", type: "text", values: logs.slice(s, e).map((l) => lower(l.args.from)) },
          { name: "to", type: "text", values: logs.slice(s, e).map((l) => lower(l.args.to)) },
          { name: "tx_hash", type: "text", values: logs.slice(s, e).map((l) => lower(l.transactionHash)) },
          {
            name: "kind",
            type: "text",
            values: logs.slice(s, e).map((l) => (l.args.from === zeroAddress ? "mint" : "transfer")),
          },
        ],
        sql`ON CONFLICT DO NOTHING`,
      ),
    ),
  );

  // One row per ticket: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
  const latest = new Map<string, TicketRow>();
  logs.forEach((log, i) => {
    const contract = contracts[i]!;
    const key = tokenKey(contract, log.args.tokenId);
    const first = latest.get(key);
    const owner = lower(log.args.to);
    if (first) {
      // Keep the first sighting's mint block, take the last sighting's owner and position.
      first.owner = owner;
      first.updatedBlock = blocks[i]!;
      first.updatedLogIndex = log.logIndex;
      return;
    }
    const attrs = attributes.get(key);
    latest.set(key, {
      contract,
      tokenId: log.args.tokenId,
      owner,
      mintedBlock: blocks[i]!,
      updatedBlock: blocks[i]!,
      updatedLogIndex: log.logIndex,
      tier: attrs?.tier ?? null,
      paid: attrs?.paid ?? false,
      identityCommitment: attrs?.identityCommitment ?? null,
      channel: attrs?.channel ?? 0,
    });
  });
  const rows = [...latest.values()];
  await inSlices(rows.length, (s, e) => {
    const slice = rows.slice(s, e);
    return tx.execute(
      unnestInsert(
        "tickets",
        [
          { name: "contract", type: "text", values: slice.map((r) => r.contract) },
          { name: "token_id", type: "numeric", values: slice.map((r) => r.tokenId) },
          { name: "owner", type: "text", values: slice.map((r) => r.owner) },
          { name: "minted_block", type: "int8", values: slice.map((r) => r.mintedBlock) },
          { name: "updated_block", type: "int8", values: slice.map((r) => r.updatedBlock) },
          { name: "updated_log_index", type: "int4", values: slice.map((r) => r.updatedLogIndex) },
          { name: "tier", type: "int4", values: slice.map((r) => r.tier) },
          { name: "paid", type: "bool", values: slice.map((r) => r.paid) },
          { name: "identity_commitment", type: "text", values: slice.map((r) => r.identityCommitment) },
          { name: "channel", type: "int4", values: slice.map((r) => r.channel) },
        ],
        // Re-applying an older log is a no-op.
        sql`ON CONFLICT ("contract", "token_id") DO UPDATE SET "owner" = excluded."owner", "updated_block" = excluded."updated_block",
          "updated_log_index" = excluded."updated_log_index"
          WHERE ("tickets"."updated_block", "tickets"."updated_log_index") < (excluded."updated_block", excluded."updated_log_index")`,
      ),
    );
  });
}
