/** EventTicket `CheckedIn`, `Refunded`, `EventCancelled`, `TicketRecovered`: state changes after minting. */
import { and, eq, isNull } from "drizzle-orm";
import { events, refunds, tickets, transfers } from "../db/schema";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import { lower, position } from "./bulk";

export async function handleCheckedIn(tx: DbTx, log: LogOf<"CheckedIn">): Promise<void> {
  const pos = position(log);
  await tx
    .update(tickets)
    .set({ checkedInBlock: pos.blockNumber, checkedInGate: lower(log.args.gate), checkedInTx: pos.txHash })
    .where(
      and(
        eq(tickets.contract, lower(log.address)),
        eq(tickets.tokenId, log.args.tokenId),
        isNull(tickets.checkedInBlock),
      ),
    );
}

export async function handleRefunded(tx: DbTx, log: LogOf<"Refunded">): Promise<void> {
  const pos = position(log);
  const contract = lower(log.address);
  await tx
    .insert(refunds)
    .values({ ...pos, contract, tokenId: log.args.tokenId, holder: lower(log.args.holder), amount: log.args.amount })
    .onConflictDoNothing();
  await tx
    .update(tickets)
    .set({ refundedBlock: pos.blockNumber })
    .where(and(eq(tickets.contract, contract), eq(tickets.tokenId, log.args.tokenId), isNull(tickets.refundedBlock)));
}

export async function handleEventCancelled(tx: DbTx, log: LogOf<"EventCancelled">): Promise<void> {
  await tx
    .update(events)
    .set({ cancelledAt: log.args.at, cancelledBlock: Number(log.blockNumber) })
    .where(and(eq(events.address, lower(log.address)), isNull(events.cancelledBlock)));
}

export async function handleTicketRecovered(tx: DbTx, log: LogOf<"TicketRecovered">): Promise<void> {
  await tx
    .update(transfers)
    .set({ kind: "recovery" })
    .where(
      and(
        eq(transfers.contract, lower(log.address)),
        eq(transfers.tokenId, log.args.tokenId),
        eq(transfers.txHash, lower(log.transactionHash)),
      ),
    );
}
