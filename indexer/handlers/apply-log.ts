/** Routes one log to the handler for its event family. */
import type { DbTx } from "../db/types";
import type { IndexedLog } from "../sync/range-logs";
import { handleEventCreated } from "./event-created";
import { handleTransfer } from "./transfer";

export async function applyLog(tx: DbTx, log: IndexedLog): Promise<void> {
  switch (log.eventName) {
    case "EventCreated":
      return handleEventCreated(tx, log);
    case "Transfer":
      return handleTransfer(tx, log);
  }
}
