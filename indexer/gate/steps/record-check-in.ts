/** Step 12: the first check-in of a ticket wins (unique index); any later one is told so. */
import { checkIns } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { GateDenial } from "../gate-denial";
import type { TicketRef } from "./ticket-from-message";

export type CheckInArgs = {
  ticket: TicketRef;
  holder: string;
  gateId: string;
  now: Date;
  mode?: "challenge" | "pass" | "offline";
};

/** One admission, one statement (the gate's hot path uses the group-committed check-in-writer.ts). */
export async function recordCheckIn(db: DbOrTx, args: CheckInArgs): Promise<Date> {
  const inserted = await db
    .insert(checkIns)
    .values({
      contract: args.ticket.contract.toLowerCase(),
      tokenId: args.ticket.tokenId,
      holder: args.holder.toLowerCase(),
      gateId: args.gateId,
      checkedInAt: args.now,
      mode: args.mode ?? "challenge",
    })
    .onConflictDoNothing()
    .returning({ at: checkIns.checkedInAt });
  if (inserted.length === 0) {
    throw new GateDenial("ALREADY_CHECKED_IN", "ticket was admitted before", args.ticket);
  }
  return inserted[0]!.at;
}
