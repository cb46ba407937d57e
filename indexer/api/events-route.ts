/**
 * GET /events[?limit=&offset=]: indexed events, newest first.
 * GET /events/:address: one event with its rules, tiers and live counts.
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import type { EventDetail, EventsResponse } from "../../lib/indexer-client/schemas";
import { eventByAddress, eventCounts, eventTiers } from "../db/queries/event-detail";
import { listEvents } from "../db/queries/list-events";
import { num } from "../db/queries/rows";
import type { Db } from "../db/types";
import { AppError } from "../../lib/errors/app-error";
import { pageSchema } from "./pagination";
import { maxResale, modeName, optNum, str } from "./serialize";
import { addressSchema, parseOr400 } from "./validation";

const params = z.object({ address: addressSchema });

export function eventsRoute(db: Db, now: () => Date = () => new Date()) {
  return new Hono()
    .get("/", async (c) => {
      const page = parseOr400(pageSchema, c.req.query());
      const rows = await listEvents(db, page);
      const body: EventsResponse = {
        events: rows.map((r) => ({
          address: getAddress(r.address),
          eventId: r.eventId.toString(),
          organizer: getAddress(r.organizer),
          name: r.name,
          startTime: r.startTime.toString(),
          createdBlock: r.createdBlock,
          ticketCount: Number(r.ticketCount),
        })),
      };
      return c.json(body);
    })
    .get("/:address", async (c) => {
      const { address } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
      const e = await eventByAddress(db, address);
      if (!e) throw new AppError("UNKNOWN_EVENT", `no event at ${address}`);
      const [tiers, counts] = await Promise.all([eventTiers(db, address), eventCounts(db, address)]);
      const started = BigInt(Math.floor(now().getTime() / 1000)) >= BigInt(e.start_time);
      const body: EventDetail = {
        event: {
          address: getAddress(e.address),
          eventId: String(e.event_id),
          organizer: getAddress(e.organizer),
          name: e.name,
          startTime: String(e.start_time),
          createdBlock: Number(e.created_block),
          createdTx: e.created_tx,
          endTime: str(e.end_time),
          lockWindow: optNum(e.lock_window),
          maxPerWallet: optNum(e.max_per_wallet),
          maxPerIdentity: optNum(e.max_per_identity),
          royaltyBps: optNum(e.royalty_bps),
          currency:
            e.currency === null
              ? null
              : { address: getAddress(e.currency), symbol: e.currency_symbol, decimals: optNum(e.currency_decimals) },
          cancelled: e.cancelled_at !== null,
          cancelledAt: str(e.cancelled_at),
        },
        tiers: tiers.map((t) => ({
          tier: Number(t.tier),
          faceValue: String(t.face_value),
          supply: Number(t.supply),
          zones: Number(t.zones),
          transferMode: modeName(Number(t.mode))!,
          resaleCapBps: Number(t.resale_cap_bps),
          maxResalePrice: maxResale(t.face_value, t.resale_cap_bps)!,
          voucherOnly: Boolean(t.voucher_only),
          reserved: Boolean(t.reserved),
          minted: num(t.minted),
          checkedIn: num(t.checked_in),
          sold: num(t.sold),
          resold: num(t.resold),
          refunded: num(t.refunded),
          attended: num(t.attended),
          absent: num(t.absent),
        })),
        counts: {
          minted: num(counts.minted),
          sold: num(counts.sold),
          resold: num(counts.resold),
          checkedInOnChain: num(counts.checked_in_on_chain),
          admittedAtGate: num(counts.admitted_at_gate),
          attended: num(counts.attended),
          noShows:
            started && e.cancelled_at === null
              ? num(counts.minted) - num(counts.refunded) - num(counts.attended)
              : null,
          refunded: num(counts.refunded),
          openListings: num(counts.open_listings),
          holders: num(counts.holders),
        },
      };
      return c.json(body);
    });
}
