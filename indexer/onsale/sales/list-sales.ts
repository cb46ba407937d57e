/** The sales of one event, newest on-sale time first, for the organizer's screen. */
import { desc, eq } from "drizzle-orm";
import type { OnsaleSale } from "../../../lib/onsale/types";
import { onsaleSales } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { saleView } from "./sale-row";

/** An event holds a handful of sales (one per tier and phase); the cap only bounds a hostile table. */
const MAX_SALES = 100;

export async function listSales(db: DbOrTx, contract: string): Promise<{ sales: OnsaleSale[] }> {
  const rows = await db
    .select()
    .from(onsaleSales)
    .where(eq(onsaleSales.contract, contract.toLowerCase()))
    .orderBy(desc(onsaleSales.opensAt), onsaleSales.id)
    .limit(MAX_SALES);
  return { sales: rows.map(saleView) };
}
