/** GET /health: sync progress; 200 when syncing normally, 503 (same body) when not. */
import { Hono } from "hono";
import type { SyncStatus } from "../sync/sync-status";

export function healthRoute(status: () => SyncStatus) {
  return new Hono().get("/", (c) => {
    const { headCheckedAt: _, ...s } = status();
    return c.json(s, s.ok ? 200 : 503);
  });
}
