/**
 * GET /analytics/:contract/leaks[?limit=500]: the leak report (see db/queries/analytics/leaks.ts):
 * per channel counts, and every reported non-public ticket with its chain of transfers.
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import { channelLabel, channelModes } from "../../../lib/channels";
import type { LeaksResponse } from "../../../lib/indexer-client/analytics-schemas";
import { leakChannels, leakedTickets } from "../../db/queries/analytics/leaks";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({ limit: z.coerce.number().int().min(1).max(5_000).default(500) });

export function leaksRoute(db: Db) {
  return new Hono().get("/:contract/leaks", async (c) => {
    const event = await analyticsEvent(db, c);
    const q = parseOr400(query, c.req.query());
    const [channels, tickets] = await Promise.all([
      leakChannels(db, event.contract),
      leakedTickets(db, event.contract, q),
    ]);
    const names: Record<number, string> = Object.fromEntries(
      channels.filter((ch) => ch.name).map((ch) => [ch.channel, ch.name!]),
    );
    const body: LeaksResponse = {
      contract: event.contract,
      limit: q.limit,
      channels: channels.map((ch) => ({
        channel: ch.channel,
        name: channelLabel(ch.channel, names),
        quota: ch.quota,
        mode: ch.mode === null ? null : (channelModes[ch.mode] ?? null),
        issued: num(ch.issued),
        reported: num(ch.reported),
        moved: num(ch.moved),
        listed: num(ch.listed),
        heldByPublicBuyer: num(ch.held_by_public_buyer),
      })),
      tickets: tickets.map((t) => ({
        tokenId: t.token_id,
        channel: t.channel,
        channelName: channelLabel(t.channel, names),
        tier: t.tier,
        holder: getAddress(t.owner),
        moves: num(t.moves),
        listings: num(t.listings),
        holderBoughtPublicly: t.owner_bought_publicly,
        chain: (t.chain ?? []).map((h) => ({
          from: getAddress(h.from),
          to: getAddress(h.to),
          kind: h.kind,
          price: h.price,
          txHash: h.tx,
          block: num(h.block),
        })),
      })),
    };
    return c.json(body);
  });
}
