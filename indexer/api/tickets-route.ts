/** GET /tickets?owner=0x…[&limit=&offset=]: an owner's tickets with event name and check-in state. */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import { ticketsByOwner } from "../db/queries/tickets-by-owner";
import type { Db } from "../db/types";
import { pageSchema } from "./pagination";
import { addressSchema, parseOr400 } from "./validation";

const ownerSchema = z.object({ owner: addressSchema });

export function ticketsRoute(db: Db) {
  return new Hono().get("/", async (c) => {
    const query = c.req.query();
    // A bad owner gets its own code, so the app can say "that is not an address".
    const { owner } = parseOr400(ownerSchema, query, "INVALID_ADDRESS");
    const page = parseOr400(pageSchema, query);
    const rows = await ticketsByOwner(db, owner, page);
    return c.json({
      owner,
      tickets: rows.map((r) => ({
        contract: getAddress(r.contract),
        tokenId: r.tokenId.toString(),
        owner: getAddress(r.owner),
        eventName: r.eventName,
        startTime: r.startTime?.toString() ?? null,
        mintedBlock: r.mintedBlock,
        updatedBlock: r.updatedBlock,
        checkedIn: r.checkedInAt !== null,
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
      })),
    });
  });
}
