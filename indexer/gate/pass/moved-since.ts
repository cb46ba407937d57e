/**
 * Pass mode: did the delegating holder give the ticket away after delegating? (A sale and a
 * buy-back must not revive the old delegation; a ticket the holder received after delegating is fine.)
 *
 * The mirror answers for the blocks it has indexed. When the owner came from the chain (the mirror
 * is stale, or a block or two behind and disagreed), the blocks it has not indexed yet are asked of
 * the chain: the holder's `Transfer` logs of this ticket from the mirror's block to the head, one
 * `eth_getLogs`, bounded like `ownerOf`. A chain that cannot answer, or a lag too long for one
 * bounded log read, refuses the scan (INDEXER_STALE): never an ADMIT on an unchecked delegation.
 */
import { and, eq, gt } from "drizzle-orm";
import type { Address } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { transfers } from "../../db/schema";
import type { Db } from "../../db/types";
import type { GateDeps } from "../gate-deps";
import { GateDenial } from "../gate-denial";
import { askChain, UNREACHABLE } from "../steps/resolve-owner";
import type { TicketRef } from "../steps/ticket-from-message";

/** Most blocks asked of the chain in one log read; a mirror further behind than this refuses pass scans it cannot check. */
export const MAX_UNINDEXED_LOG_BLOCKS = 5_000;

/** The mirror's answer: a transfer out of `holder` after `block`, among the blocks indexed. */
export async function movedAwaySince(db: Db, ticket: TicketRef, holder: Address, block: number): Promise<boolean> {
  const rows = await db
    .select({ block: transfers.blockNumber })
    .from(transfers)
    .where(
      and(
        eq(transfers.contract, ticket.contract.toLowerCase()),
        eq(transfers.tokenId, ticket.tokenId),
        eq(transfers.from, holder.toLowerCase()),
        gt(transfers.blockNumber, block),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * `lastTransferBlock`: the ticket's last transfer as a fresh mirror that agreed on the owner saw it;
 * null when the owner came from the chain, so the blocks past the mirror are read from the chain too.
 */
export async function gaveAwaySinceDelegation(
  deps: GateDeps,
  ticket: TicketRef,
  holder: Address,
  delegatedAtBlock: number,
  lastTransferBlock: number | null,
): Promise<boolean> {
  if (lastTransferBlock !== null) {
    // Only when the mirror shows a move after the delegation (rare) does this cost a query.
    return lastTransferBlock > delegatedAtBlock && movedAwaySince(deps.db, ticket, holder, delegatedAtBlock);
  }
  const status = deps.syncStatus();
  const fromBlock = Math.max(delegatedAtBlock, status.indexedBlock) + 1;
  if (status.headBlock !== null && status.headBlock - fromBlock >= MAX_UNINDEXED_LOG_BLOCKS) {
    throw new GateDenial(
      "INDEXER_STALE",
      `the indexer is ${status.headBlock - status.indexedBlock} blocks behind: too far to check the ticket's moves since the delegation`,
      ticket,
    );
  }
  const [inMirror, onChain] = await Promise.all([
    movedAwaySince(deps.db, ticket, holder, delegatedAtBlock),
    askChain(
      deps,
      deps.client.getContractEvents({
        address: ticket.contract,
        abi: eventTicketAbi,
        eventName: "Transfer",
        args: { from: holder, tokenId: ticket.tokenId },
        fromBlock: BigInt(fromBlock),
        toBlock: "latest",
        strict: true,
      }),
    ),
  ]);
  if (inMirror) return true;
  if (onChain === UNREACHABLE) {
    throw new GateDenial(
      "INDEXER_STALE",
      "the indexer is behind and the chain did not answer whether the holder gave the ticket away after delegating",
      ticket,
    );
  }
  return onChain.length > 0;
}
