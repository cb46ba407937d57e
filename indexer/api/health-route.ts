/** GET /health: sync progress (head, indexed, lag in blocks and ms, backfill), RPC calls by method and the learned eth_getLogs cap; 200 when syncing normally, 503 (same body) when not. */
import { Hono } from "hono";
import type { Health } from "../../lib/indexer-client/schemas";
import type { SyncStatus } from "../sync/sync-status";

export function healthRoute(status: () => SyncStatus) {
  return new Hono().get("/", (c) => {
    const { headCheckedAt: _, counters, ...s } = status();
    const body: Health = { ...s, rangeCap: counters.rangeCap ?? null };
    return c.json(body, s.ok ? 200 : 503);
  });
}
