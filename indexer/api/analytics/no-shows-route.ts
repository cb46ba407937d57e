/**
 * GET /analytics/:contract/no-shows: attendance per tier. Before the start (by the API's clock)
 * nobody is a no-show yet, so `noShows` and `noShowRate` are null then; the counts are live.
 */
import { Hono } from "hono";
import type { NoShowsResponse } from "../../../lib/indexer-client/analytics-schemas";
import { noShowsPerTier, type NoShowRow } from "../../db/queries/analytics/no-shows";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({});

export function noShowsRoute(db: Db, now: () => Date) {
  return new Hono().get("/:contract/no-shows", async (c) => {
    const event = await analyticsEvent(db, c);
    parseOr400(query, c.req.query());
    const rows = await noShowsPerTier(db, event.contract);
    const started = BigInt(Math.floor(now().getTime() / 1000)) >= BigInt(event.start_time);
    const out = (r: NoShowRow) => ({
      supply: num(r.supply),
      minted: num(r.minted),
      refunded: num(r.refunded),
      attended: num(r.attended),
      noShows: started ? num(r.no_shows) : null,
      noShowRate: started && r.no_show_rate !== null ? num(r.no_show_rate) : null,
    });
    const total = rows.find((r) => r.tier === null)!;
    const body: NoShowsResponse = {
      contract: event.contract,
      started,
      cancelled: event.cancelled_at !== null,
      tiers: rows.filter((r) => r.tier !== null).map((r) => ({ tier: Number(r.tier), ...out(r) })),
      total: out(total),
    };
    return c.json(body);
  });
}
