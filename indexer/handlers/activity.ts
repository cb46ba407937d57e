/** Low-volume logs kept verbatim in `contract_activity` (admin actions, payouts, recoveries, cancellations). */
import { contractActivity } from "../db/schema";
import type { DbTx } from "../db/types";
import type { ChainLog } from "../sync/chain-logs";
import { inChunks, lower, position } from "./bulk";

export const ACTIVITY_EVENTS = new Set([
  "EventCancelled",
  "ProceedsWithdrawn",
  "VoucherSignerChanged",
  "TicketRecovered",
  "PaymentDeferred",
  "Withdrawn",
]);

export async function insertActivity(tx: DbTx, logs: readonly ChainLog[]): Promise<void> {
  const rows = logs
    .filter((l) => ACTIVITY_EVENTS.has(l.eventName))
    .map((log) => ({
      ...position(log),
      contract: lower(log.address),
      name: log.eventName,
      args: jsonArgs(log.args as Record<string, unknown>),
    }));
  await inChunks(rows, (c) => tx.insert(contractActivity).values(c).onConflictDoNothing());
}

function jsonArgs(args: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(args)) {
    out[k] =
      typeof v === "bigint"
        ? v.toString()
        : typeof v === "string"
          ? v.startsWith("0x")
            ? v.toLowerCase()
            : v
          : (v as number | boolean);
  }
  return out;
}
