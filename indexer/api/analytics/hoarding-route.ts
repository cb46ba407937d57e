/**
 * GET /analytics/:contract/hoarding[?over=4&minSources=3&windowBlocks=300&limit=100]: wallets and
 * identity commitments holding more than `over` tickets, and funnels (see db/queries/analytics/hoarding.ts).
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import type { HoardingResponse } from "../../../lib/indexer-client/analytics-schemas";
import { funnels, heavyIdentities, heavyWallets } from "../../db/queries/analytics/hoarding";
import { num } from "../../db/queries/rows";
import type { Db } from "../../db/types";
import { parseOr400 } from "../validation";
import { analyticsEvent, queryOf } from "./analytics-event";

const query = queryOf({
  over: z.coerce.number().int().min(0).max(100_000).default(4),
  minSources: z.coerce.number().int().min(2).max(100_000).default(3),
  windowBlocks: z.coerce.number().int().min(0).max(100_000_000).default(300),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function hoardingRoute(db: Db) {
  return new Hono().get("/:contract/hoarding", async (c) => {
    const event = await analyticsEvent(db, c);
    const q = parseOr400(query, c.req.query());
    const [wallets, identities, funnelRows] = await Promise.all([
      heavyWallets(db, event.contract, q),
      heavyIdentities(db, event.contract, q),
      funnels(db, event.contract, q),
    ]);
    const body: HoardingResponse = {
      contract: event.contract,
      over: q.over,
      minSources: q.minSources,
      windowBlocks: q.windowBlocks,
      wallets: wallets.map((w) => ({
        wallet: getAddress(w.wallet),
        tickets: num(w.tickets),
        tiers: num(w.tiers),
        identityBound: num(w.identity_bound),
      })),
      identities: identities.map((i) => ({
        identityCommitment: i.identity_commitment,
        tickets: num(i.tickets),
        wallets: num(i.wallets),
      })),
      funnels: funnelRows.map((f) => ({
        collector: getAddress(f.collector),
        sources: num(f.sources),
        tickets: num(f.tickets),
        viaSale: num(f.via_sale),
        firstBlock: num(f.first_block),
        lastBlock: num(f.last_block),
        heldNow: num(f.held_now),
      })),
    };
    return c.json(body);
  });
}
