/**
 * Allocation channels and real-name rules: `ChannelConfigured` and `IdentityDeadlineSet` rows
 * (append-only), and `IdentityBound`, which marks the ticket bound and gives it the bound
 * commitment (the gate then checks the holder's ID against it). The channel of each ticket comes
 * with its mint (`ChannelMinted`, see issuance.ts).
 */
import { and, eq, isNull } from "drizzle-orm";
import { hexToString } from "viem";
import { channelConfigs, identityDeadlines, tickets } from "../db/schema";
import type { DbTx } from "../db/types";
import type { ChainLog, LogOf } from "../sync/chain-logs";
import { inChunks, lower, position } from "./bulk";

/** bytes16 label → text: UTF-8 up to the first zero byte; unreadable bytes become "". */
export function channelName(raw: `0x${string}`): string {
  try {
    return hexToString(raw).replace(/\0.*$/s, "");
  } catch {
    return "";
  }
}

export async function insertAllocationRules(tx: DbTx, logs: readonly ChainLog[]): Promise<void> {
  const channelRows = [];
  const deadlineRows = [];
  for (const log of logs) {
    if (log.eventName === "ChannelConfigured") {
      const { channel, quota, mode, name } = log.args;
      channelRows.push({
        ...position(log),
        contract: lower(log.address),
        channel,
        quota,
        mode,
        name: channelName(name),
      });
    } else if (log.eventName === "IdentityDeadlineSet") {
      deadlineRows.push({
        ...position(log),
        contract: lower(log.address),
        tier: log.args.tier,
        secondsBeforeStart: log.args.secondsBeforeStart,
      });
    }
  }
  await inChunks(channelRows, (c) => tx.insert(channelConfigs).values(c).onConflictDoNothing());
  await inChunks(deadlineRows, (c) => tx.insert(identityDeadlines).values(c).onConflictDoNothing());
}

/** Binding happens once per ticket: re-applying the log changes nothing. */
export async function handleIdentityBound(tx: DbTx, log: LogOf<"IdentityBound">): Promise<void> {
  await tx
    .update(tickets)
    .set({ boundBlock: Number(log.blockNumber), identityCommitment: lower(log.args.identityCommitment) })
    .where(
      and(eq(tickets.contract, lower(log.address)), eq(tickets.tokenId, log.args.tokenId), isNull(tickets.boundBlock)),
    );
}
