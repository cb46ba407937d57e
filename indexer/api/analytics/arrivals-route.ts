/** GET /analytics/:contract/arrivals[?bucketSeconds=60&from=&to=&gate=]: admissions per bucket per gate. */
import { Hono } from "hono";
import { z } from "zod";
import type { ArrivalsResponse } from "../../../lib/indexer-client/analytics-schemas";
import { arrivalsPerBucket } from "../../db/queries/analytics/arrivals";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { AppError } from "../../../lib/errors/app-error";
import { parseOr400 } from "../validation";
import { analyticsEvent, epochIso, isoTime, queryOf } from "./analytics-event";

const query = queryOf({
  bucketSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
  from: isoTime.optional(),
  to: isoTime.optional(),
  gate: z
    .string()
    .regex(/^[A-Za-z0-9 _.:-]{1,64}$/, "must be a gate id (1–64 of A-Z a-z 0-9 space _ . : -)")
    .optional(),
});

export function arrivalsRoute(db: Db) {
  return new Hono().get("/:contract/arrivals", async (c) => {
    const event = await analyticsEvent(db, c);
    const q = parseOr400(query, c.req.query());
    if (q.from && q.to && q.from >= q.to) throw new AppError("BAD_REQUEST", "from must be before to");
    const rows = await arrivalsPerBucket(db, event.contract, {
      bucketSeconds: q.bucketSeconds,
      from: q.from,
      to: q.to,
      gateId: q.gate,
    });
    const buckets = rows.map((r) => ({
      start: epochIso(r.bucket_start),
      gateId: r.gate_id,
      arrivals: num(r.arrivals),
    }));
    const body: ArrivalsResponse = {
      contract: event.contract,
      bucketSeconds: q.bucketSeconds,
      gates: [...new Set(buckets.map((b) => b.gateId))].sort(),
      buckets,
      total: buckets.reduce((sum, b) => sum + b.arrivals, 0),
    };
    return c.json(body);
  });
}
