/**
 * GET /analytics/:contract/primary-sales: face-value sales per block (oldest first), tickets minted
 * and checked in on chain. The mirror keeps block numbers, not times, so the series is by block.
 */
import { Hono } from "hono";
import type { PrimarySalesResponse } from "../../../lib/indexer-client/analytics-schemas";
import { primarySalesPerBlock, ticketCounts } from "../../db/queries/analytics/primary-sales";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({});

export function primarySalesRoute(db: Db) {
  return new Hono().get("/:contract/primary-sales", async (c) => {
    const event = await analyticsEvent(db, c);
    parseOr400(query, c.req.query());
    const [blocks, counts] = await Promise.all([
      primarySalesPerBlock(db, event.contract),
      ticketCounts(db, event.contract),
    ]);
    const body: PrimarySalesResponse = {
      contract: event.contract,
      blocks: blocks.map((b) => ({ blockNumber: num(b.block_number), sold: num(b.sold) })),
      minted: num(counts.minted),
      checkedInOnChain: num(counts.checked_in_on_chain),
    };
    return c.json(body);
  });
}
