/** GET /events[?limit=&offset=]: indexed events, newest first. */
import { Hono } from "hono";
import { getAddress } from "viem";
import { listEvents } from "../db/queries/list-events";
import type { Db } from "../db/types";
import { pageSchema } from "./pagination";
import { parseOr400 } from "./validation";

export function eventsRoute(db: Db) {
  return new Hono().get("/", async (c) => {
    const page = parseOr400(pageSchema, c.req.query());
    const rows = await listEvents(db, page);
    return c.json({
      events: rows.map((r) => ({
        address: getAddress(r.address),
        eventId: r.eventId.toString(),
        organizer: getAddress(r.organizer),
        name: r.name,
        startTime: r.startTime.toString(),
        createdBlock: r.createdBlock,
        ticketCount: Number(r.ticketCount),
      })),
    });
  });
}
