/** GET /analytics/:contract/resale-prices[?bucketBps=1000]: resale prices per tier against the cap. */
import { Hono } from "hono";
import { z } from "zod";
import type { ResalePricesResponse } from "../../../lib/indexer-client/analytics-schemas";
import { resaleBuckets, resaleStatsPerTier } from "../../db/queries/analytics/resale-prices";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({ bucketBps: z.coerce.number().int().min(10).max(100_000).default(1_000) });

export function resalePricesRoute(db: Db) {
  return new Hono().get("/:contract/resale-prices", async (c) => {
    const event = await analyticsEvent(db, c);
    const { bucketBps } = parseOr400(query, c.req.query());
    const [tiers, buckets] = await Promise.all([
      resaleStatsPerTier(db, event.contract),
      resaleBuckets(db, event.contract, bucketBps),
    ]);
    const body: ResalePricesResponse = {
      contract: event.contract,
      bucketBps,
      tiers: tiers.map((t) => ({
        tier: Number(t.tier),
        faceValue: t.face_value,
        resaleCapBps: Number(t.resale_cap_bps),
        maxResalePrice: t.max_resale_price,
        sales: num(t.sales),
        minPrice: t.min_price,
        maxPrice: t.max_price,
        avgPrice: t.avg_price,
        medianPrice: t.median_price,
        atCap: num(t.at_cap),
        aboveCap: num(t.above_cap),
        buckets: buckets
          .filter((b) => Number(b.tier) === Number(t.tier))
          .map((b) => ({
            fromBps: num(b.bucket) * bucketBps,
            toBps: (num(b.bucket) + 1) * bucketBps,
            sales: num(b.sales),
          })),
      })),
    };
    return c.json(body);
  });
}
