/** TicketFactory `EventCreated` + the constructor's `TierCreated`: new events and their tiers. */
import { events, tiers } from "../db/schema";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import type { EventRules } from "../sync/read-event-rules";
import { inChunks, lower } from "./bulk";

export async function insertEvents(
  tx: DbTx,
  logs: LogOf<"EventCreated">[],
  rules: ReadonlyMap<string, EventRules>,
): Promise<void> {
  const rows = logs.map((log) => {
    const { ticket, organizer, eventId, name, startTime } = log.args;
    const r = rules.get(lower(ticket));
    return {
      address: lower(ticket),
      eventId,
      organizer: lower(organizer),
      name,
      startTime,
      createdBlock: Number(log.blockNumber),
      createdTx: lower(log.transactionHash),
      endTime: r?.endTime ?? null,
      lockWindow: r?.lockWindow ?? null,
      maxPerWallet: r?.maxPerWallet ?? null,
      maxPerIdentity: r?.maxPerIdentity ?? null,
      royaltyBps: r?.royaltyBps ?? null,
      tierCount: r?.tierCount ?? null,
      currency: r?.currency ?? null,
      currencySymbol: r?.currencySymbol ?? null,
      currencyDecimals: r?.currencyDecimals ?? null,
    };
  });
  await inChunks(rows, (chunk) => tx.insert(events).values(chunk).onConflictDoNothing());
}

export async function insertTiers(tx: DbTx, logs: LogOf<"TierCreated">[]): Promise<void> {
  const rows = logs.map((log) => ({
    contract: lower(log.address),
    tier: log.args.tier,
    faceValue: log.args.faceValue,
    supply: log.args.supply,
    zones: log.args.zones,
    mode: log.args.mode,
    resaleCapBps: log.args.resaleCapBps,
    voucherOnly: log.args.voucherOnly,
    reserved: log.args.reserved,
    blockNumber: Number(log.blockNumber),
  }));
  await inChunks(rows, (chunk) => tx.insert(tiers).values(chunk).onConflictDoNothing());
}
