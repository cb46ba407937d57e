/**
 * Waitlist `WaitlistJoined`, `WaitlistLeft`, `TicketReturned`: a join opens a queue row; leaving, or
 * being served a returned ticket (the wallet named by `TicketReturned.to`), closes it. Nothing else
 * removes a wallet: one at the wallet cap is never evicted, it keeps its place. Closing only touches
 * the wallet's open row written before the log, so re-applying a range is a no-op.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { transfers, waitlistEntries } from "../db/schema";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import { lower, position } from "./bulk";

export type WaitlistLog = LogOf<"WaitlistJoined" | "WaitlistLeft" | "TicketReturned">;

/** True for the logs `handleWaitlistLog` handles. */
export function isWaitlistLog(log: { eventName: string }): log is WaitlistLog {
  return log.eventName === "WaitlistJoined" || log.eventName === "WaitlistLeft" || log.eventName === "TicketReturned";
}

type Close = { reason: "left" | "served"; servedTokenId?: bigint; returnedBy?: string };

async function closeEntry(tx: DbTx, log: WaitlistLog, contract: string, tier: number, wallet: string, close: Close) {
  const block = Number(log.blockNumber);
  await tx
    .update(waitlistEntries)
    .set({
      closedBlock: block,
      closedLogIndex: log.logIndex,
      closedReason: close.reason,
      servedTokenId: close.servedTokenId ?? null,
      returnedBy: close.returnedBy ?? null,
    })
    .where(
      and(
        eq(waitlistEntries.contract, lower(contract)),
        eq(waitlistEntries.tier, tier),
        eq(waitlistEntries.wallet, lower(wallet)),
        isNull(waitlistEntries.closedBlock),
        sql`(${waitlistEntries.blockNumber}, ${waitlistEntries.logIndex}) < (${block}, ${log.logIndex})`,
      ),
    );
}

export async function handleWaitlistLog(tx: DbTx, log: WaitlistLog): Promise<void> {
  switch (log.eventName) {
    case "WaitlistJoined": {
      const { ticket, tier, wallet, seq, deposit } = log.args;
      await tx
        .insert(waitlistEntries)
        .values({ ...position(log), contract: lower(ticket), tier, wallet: lower(wallet), seq: Number(seq), deposit })
        .onConflictDoNothing();
      return;
    }
    case "WaitlistLeft":
      return closeEntry(tx, log, log.args.ticket, log.args.tier, log.args.wallet, { reason: "left" });
    case "TicketReturned": {
      const { ticket, tokenId, from, to, tier, price } = log.args;
      await closeEntry(tx, log, ticket, tier, to, {
        reason: "served",
        servedTokenId: tokenId,
        returnedBy: lower(from),
      });
      // The ticket's Transfer comes later in the same transaction (the waitlist logs first): mark it
      // as a waitlist hand-over at the price the returner was paid (min(face, resale cap)), as a
      // market sale marks its transfer.
      await tx
        .update(transfers)
        .set({ kind: "waitlist", price })
        .where(
          and(
            eq(transfers.contract, lower(ticket)),
            eq(transfers.tokenId, tokenId),
            eq(transfers.txHash, position(log).txHash),
            eq(transfers.from, lower(from)),
            eq(transfers.to, lower(to)),
          ),
        );
      return;
    }
  }
}
