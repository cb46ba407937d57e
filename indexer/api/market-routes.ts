/**
 * GET /listings[?contract=&tokenId=&seller=&status=open|all&limit=&offset=]: resale listings, newest first, with the cap and staleness.
 * GET /sales[?contract=&account=&limit=&offset=]: resales with price against face and cap, plus totals.
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import type { ListingsResponse, SalesResponse } from "../../lib/indexer-client/schemas";
import { saleStats, salesWhere } from "../db/queries/sales";
import { num } from "../db/queries/rows";
import { listingsWhere } from "../db/queries/ticket-detail";
import type { Db } from "../db/types";
import { pageSchema } from "./pagination";
import { listingOut, maxResale, str } from "./serialize";
import { addressSchema, parseOr400, tokenIdSchema } from "./validation";

const listingFilter = z.object({
  contract: addressSchema.optional(),
  /** One ticket's listings (with `contract`): the ticket page's history. */
  tokenId: tokenIdSchema.optional(),
  seller: addressSchema.optional(),
  status: z.enum(["open", "all"]).default("open"),
});
const salesFilter = z.object({ contract: addressSchema.optional(), account: addressSchema.optional() });

export function listingsRoute(db: Db) {
  return new Hono().get("/", async (c) => {
    const query = c.req.query();
    const filter = parseOr400(listingFilter, query);
    const page = parseOr400(pageSchema, query);
    const body: ListingsResponse = { listings: (await listingsWhere(db, filter, page)).map(listingOut) };
    return c.json(body);
  });
}

export function salesRoute(db: Db) {
  return new Hono().get("/", async (c) => {
    const query = c.req.query();
    const filter = parseOr400(salesFilter, query);
    const page = parseOr400(pageSchema, query);
    const [rows, stats] = await Promise.all([salesWhere(db, filter, page), saleStats(db, filter.contract)]);
    const body: SalesResponse = {
      sales: rows.map((r) => {
        const face = r.face_value === null ? null : BigInt(r.face_value);
        return {
          contract: getAddress(r.contract),
          tokenId: String(r.token_id),
          buyer: getAddress(r.buyer),
          seller: getAddress(r.seller),
          price: String(r.price),
          royalty: String(r.royalty),
          maxResalePrice: maxResale(r.face_value, r.resale_cap_bps),
          faceValue: str(r.face_value),
          priceToFaceBps: face ? Number((BigInt(r.price) * 10_000n) / face) : null,
          blockNumber: Number(r.block_number),
          txHash: r.tx_hash,
        };
      }),
      stats: {
        count: num(stats.count),
        volume: stats.volume ?? "0",
        royalties: stats.royalties ?? "0",
        minPrice: stats.min_price,
        maxPrice: stats.max_price,
        avgPrice: stats.avg_price,
      },
    };
    return c.json(body);
  });
}
