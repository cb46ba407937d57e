/**
 * GET /analytics/:contract/primary-sales: face-value sales per block (oldest first) and the event's
 * headline counts. The counts are the event detail's (`eventCounts`, `eventTiers`), so the organizer's
 * dashboard, its no-shows and the event page can never disagree on who attended.
 */
import { Hono } from "hono";
import type { PrimarySalesResponse } from "../../../lib/indexer-client/analytics-schemas";
import { primaryRevenue, primarySalesPerBlock } from "../../db/queries/analytics/primary-sales";
import { eventCounts, eventTiers } from "../../db/queries/event-detail";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({});

export function primarySalesRoute(db: Db) {
  return new Hono().get("/:contract/primary-sales", async (c) => {
    const event = await analyticsEvent(db, c);
    parseOr400(query, c.req.query());
    const [blocks, counts, tiers, revenue] = await Promise.all([
      primarySalesPerBlock(db, event.contract),
      eventCounts(db, event.contract),
      eventTiers(db, event.contract),
      primaryRevenue(db, event.contract),
    ]);
    const body: PrimarySalesResponse = {
      contract: event.contract,
      blocks: blocks.map((b) => ({ blockNumber: num(b.block_number), sold: num(b.sold) })),
      minted: num(counts.minted),
      checkedInOnChain: num(counts.checked_in_on_chain),
      attended: num(counts.attended),
      refunded: num(counts.refunded),
      sold: num(counts.sold),
      revenue,
      capacity: tiers.reduce((n, t) => n + Number(t.supply), 0),
    };
    return c.json(body);
  });
}
