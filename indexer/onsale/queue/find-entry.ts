/** The entry a bearer token stands for, with its sale. */
import { eq } from "drizzle-orm";
import { onsaleEntries } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { hashEntryToken } from "../entry-token";
import { OnsaleError } from "../onsale-error";
import { loadSale, type SaleRow } from "../sales/sale-row";
import type { EntryRow } from "./entry-status";

export async function findEntry(db: DbOrTx, token: string | undefined): Promise<{ entry: EntryRow; sale: SaleRow }> {
  if (!token || token.length > 100) throw new OnsaleError("UNAUTHORIZED");
  const [entry] = await db
    .select()
    .from(onsaleEntries)
    .where(eq(onsaleEntries.tokenHash, hashEntryToken(token)));
  if (!entry) throw new OnsaleError("UNAUTHORIZED");
  return { entry, sale: await loadSale(db, entry.saleId) };
}

/** Admitted and still inside the admission window, or a clear refusal. */
export function requireAdmitted(sale: SaleRow, entry: EntryRow, now: Date): void {
  if (!entry.admittedAt)
    throw new OnsaleError(
      "NOT_ADMITTED",
      entry.position === null ? "the lottery has not been drawn yet" : `position ${entry.position}`,
    );
  if (!entry.voucherNonce && now.getTime() > entry.admittedAt.getTime() + sale.admissionTtlSeconds * 1000) {
    throw new OnsaleError("ADMISSION_EXPIRED");
  }
}
