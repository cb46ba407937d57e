/** Resales with the cap that applied (tier face × resale cap), and per-event price statistics. */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types";
import { rows } from "./rows";

export type SaleRow = {
  block_number: number | string;
  log_index: number;
  contract: string;
  token_id: string;
  buyer: string;
  seller: string;
  price: string;
  royalty: string;
  tx_hash: string;
  face_value: string | null;
  resale_cap_bps: number | null;
};

export type SaleStatsRow = {
  count: number | string;
  volume: string | null;
  royalties: string | null;
  min_price: string | null;
  max_price: string | null;
  avg_price: string | null;
};

export async function salesWhere(
  db: DbOrTx,
  filter: { contract?: string; account?: string },
  page: { limit: number; offset: number },
): Promise<SaleRow[]> {
  const parts = [sql`TRUE`];
  if (filter.contract) parts.push(sql`s.contract = ${filter.contract.toLowerCase()}`);
  if (filter.account)
    parts.push(sql`(s.buyer = ${filter.account.toLowerCase()} OR s.seller = ${filter.account.toLowerCase()})`);
  return rows<SaleRow>(
    db,
    sql`SELECT s.*, t.face_value, t.resale_cap_bps FROM sales s
        LEFT JOIN tickets k ON k.contract = s.contract AND k.token_id = s.token_id
        LEFT JOIN tiers t ON t.contract = k.contract AND t.tier = k.tier
        WHERE ${sql.join(parts, sql` AND `)}
        ORDER BY s.block_number DESC, s.log_index DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}

export async function saleStats(db: DbOrTx, contract?: string): Promise<SaleStatsRow> {
  const where = contract ? sql`WHERE contract = ${contract.toLowerCase()}` : sql``;
  const [row] = await rows<SaleStatsRow>(
    db,
    sql`SELECT count(*) AS count, sum(price)::text AS volume, sum(royalty)::text AS royalties,
          min(price)::text AS min_price, max(price)::text AS max_price, round(avg(price))::text AS avg_price FROM sales ${where}`,
  );
  return row!;
}
