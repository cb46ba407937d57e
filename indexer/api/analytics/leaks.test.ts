/**
 * The leak report's SQL against the same report computed in TypeScript from a generated event
 * (indexer/testing/leak-event.ts), through the HTTP route and the typed client, on in-memory
 * PGlite and on a real PostgreSQL server (skipped loudly without one).
 */
import type { PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient, type IndexerClient } from "../../../lib/indexer-client";
import type { Database } from "../../db/types";
import { expectedLeaks, generateLeakEvent, insertLeakEvent, type LeakEvent } from "../../testing/leak-event";
import { organizerFetch } from "../../testing/organizer-fetch";
import { testDatabases } from "../../testing/test-databases";
import { createApi } from "../create-api";

const CONTRACT = "0x00000000000000000000000000000000001ea4ed";

function appClient(db: Database["db"]): IndexerClient {
  const now = () => new Date();
  const app = createApi({
    db,
    now,
    corsOrigins: [],
    log: () => {},
    syncStatus: () => ({ chainId: 31337, headBlock: 0, indexedBlock: 0 }) as never,
    gate: {
      db,
      client: {} as PublicClient,
      chainId: 31337,
      siweDomains: ["localhost:3000"],
      challengeTtlSeconds: 120,
      maxIndexerLagBlocks: 2,
      maxHeadAgeMs: 5_000,
      syncStatus: () => ({}) as never,
      now,
    },
  });
  return createIndexerClient({ baseUrl: "http://indexer.test", fetch: organizerFetch(app, db), timeoutMs: 60_000 });
}

describe.each(testDatabases())(
  "leak report on $name matches the TypeScript reference",
  { timeout: 120_000 },
  (kind) => {
    if (kind.skip) console.warn(`⚠ leak report on ${kind.name} SKIPPED: ${kind.skip}`);
    let database: Database;
    let client: IndexerClient;
    let ev: LeakEvent;

    beforeAll(async () => {
      if (kind.skip) return;
      database = await kind.open();
      ev = generateLeakEvent(12, CONTRACT);
      await insertLeakEvent(database.db, ev);
      client = appClient(database.db);
    }, 180_000);
    afterAll(async () => {
      await database?.close();
      await kind.shutdown();
    });

    it.skipIf(kind.skip)("the generated event has every kind of leak", () => {
      const want = expectedLeaks(ev);
      expect(want.tickets.length).toBeGreaterThan(20);
      expect(want.tickets.some((t) => t.moves === 0 && t.listings > 0)).toBe(true);
      expect(want.tickets.some((t) => t.moves === 0 && t.listings === 0 && t.holderBoughtPublicly)).toBe(true);
      expect(want.tickets.some((t) => t.chain.some((h) => h.kind === "sale"))).toBe(true);
      expect(ev.hops.some((h) => h.kind === "recovery")).toBe(true);
    });

    it.skipIf(kind.skip)("per-channel counts and every reported ticket with its chain", async () => {
      expect(await client.analytics.leaks(CONTRACT)).toEqual(expectedLeaks(ev));
    });

    it.skipIf(kind.skip)("limit, and validation", async () => {
      expect(await client.analytics.leaks(CONTRACT, { limit: 5 })).toEqual(expectedLeaks(ev, 5));
      await expect(client.analytics.leaks(CONTRACT, { limit: 0 })).rejects.toThrow();
    });
  },
);
