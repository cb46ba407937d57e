/** GET /analytics/:contract/gates: throughput and busiest minute per gate, and over all gates. */
import { Hono } from "hono";
import type { GatesResponse } from "../../../lib/indexer-client/analytics-schemas";
import { busiestMinute, gateThroughput } from "../../db/queries/analytics/gate-throughput";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, epochIso, queryOf, toIso } from "./analytics-event";

const query = queryOf({});

export function gatesRoute(db: Db) {
  return new Hono().get("/:contract/gates", async (c) => {
    const event = await analyticsEvent(db, c);
    parseOr400(query, c.req.query());
    const [gates, busiest] = await Promise.all([gateThroughput(db, event.contract), busiestMinute(db, event.contract)]);
    const body: GatesResponse = {
      contract: event.contract,
      gates: gates.map((g) => ({
        gateId: g.gate_id,
        admitted: num(g.admitted),
        firstAt: toIso(g.first_at),
        lastAt: toIso(g.last_at),
        activeMinutes: num(g.active_minutes),
        perActiveMinute: num(g.per_active_minute),
        busiestMinute: { start: epochIso(g.busiest_minute), arrivals: num(g.busiest_count) },
      })),
      busiestMinute: busiest ? { start: epochIso(busiest.minute), arrivals: num(busiest.arrivals) } : null,
      total: busiest ? num(busiest.total) : 0,
    };
    return c.json(body);
  });
}
