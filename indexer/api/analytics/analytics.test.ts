/**
 * The organizer analytics against hand-computed values: two generated events (lib/random seeds)
 * are written into the tables, every /analytics endpoint is read through the typed client
 * (lib/indexer-client, so responses are schema-checked too) and compared with the same numbers
 * computed in plain TypeScript from the generated model (indexer/testing/analytics-reference.ts).
 * On in-memory PGlite and on a real PostgreSQL server (skipped loudly without one).
 */
import type { PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient, type IndexerClient } from "../../../lib/indexer-client";
import type { Database } from "../../db/types";
import { generateAnalyticsEvent, insertAnalyticsEvent, type GeneratedEvent } from "../../testing/analytics-event";
import {
  expectedArrivals,
  expectedGates,
  expectedHoarding,
  expectedNoShows,
  expectedResalePrices,
} from "../../testing/analytics-reference";
import { organizerFetch } from "../../testing/organizer-fetch";
import { testDatabases } from "../../testing/test-databases";
import { createApi } from "../create-api";

const START = Date.UTC(2026, 0, 1, 20, 0, 0) / 1000;
const NOW = new Date((START + 7_200) * 1000);
const MAIN = "0x00000000000000000000000000000000000a11ce";
const CANCELLED = "0x00000000000000000000000000000000000b0b00";

function appClient(db: Database["db"], now: () => Date): IndexerClient {
  const app = createApi({
    db,
    now,
    corsOrigins: [],
    log: () => {},
    syncStatus: () => ({ chainId: 31337, headBlock: 0, indexedBlock: 0 }) as never,
    // The analytics never reach the chain; the gate is built but unused here.
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

describe.each(testDatabases())("analytics on $name match hand-computed values", { timeout: 120_000 }, (kind) => {
  if (kind.skip) console.warn(`⚠ analytics on ${kind.name} SKIPPED: ${kind.skip}`);
  let database: Database;
  let client: IndexerClient;
  let main: GeneratedEvent;
  let cancelled: GeneratedEvent;
  let now = NOW;

  beforeAll(async () => {
    if (kind.skip) return;
    database = await kind.open();
    main = generateAnalyticsEvent({ seed: 9, contract: MAIN, startTime: START });
    cancelled = generateAnalyticsEvent({
      seed: 10,
      contract: CANCELLED,
      startTime: START,
      cancelled: true,
      fans: 30,
      firstBlock: 10_000_000,
    });
    await insertAnalyticsEvent(database.db, main);
    await insertAnalyticsEvent(database.db, cancelled);
    client = appClient(database.db, () => now);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    await kind.shutdown();
  });

  it.skipIf(kind.skip)("the generated event is big and varied enough to mean something", () => {
    expect(main.tickets.length).toBeGreaterThan(250);
    expect(main.checkIns.length).toBeGreaterThan(200);
    expect(new Set(main.checkIns.map((k) => k.gateId)).size).toBe(3);
    expect(main.sales.length).toBeGreaterThan(50);
    expect(
      main.tickets.some((t) => t.checkedInBlock !== null && !main.checkIns.some((k) => k.tokenId === t.tokenId)),
    ).toBe(true);
    expect(cancelled.tickets.some((t) => t.refundedBlock !== null)).toBe(true);
  });

  it.skipIf(kind.skip)("arrivals per minute per gate, and with a range, a gate and 5-minute buckets", async () => {
    for (const ev of [main, cancelled]) {
      const got = await client.analytics.arrivals(ev.contract);
      expect(got).toEqual(expectedArrivals(ev, { bucketSeconds: 60 }));
    }
    const from = new Date((START - 1_800) * 1000);
    const to = new Date((START + 600) * 1000);
    const got = await client.analytics.arrivals(MAIN, { bucketSeconds: 300, from, to, gate: "north" });
    expect(got).toEqual(expectedArrivals(main, { bucketSeconds: 300, from, to, gate: "north" }));
    expect(got.total).toBeGreaterThan(0);
  });

  it.skipIf(kind.skip)("gate throughput and busiest minute, per gate and overall", async () => {
    const got = await client.analytics.gates(MAIN);
    expect(got).toEqual(expectedGates(main));
    expect(got.gates.map((g) => g.gateId)).toEqual(["north", "south", "vip"]);
    expect(got.busiestMinute!.arrivals).toBeGreaterThan(1);
  });

  it.skipIf(kind.skip)("no-show rate per tier; refunded tickets are neither; null before the start", async () => {
    expect(await client.analytics.noShows(MAIN)).toEqual(expectedNoShows(main, now));
    const c = await client.analytics.noShows(CANCELLED);
    expect(c).toEqual(expectedNoShows(cancelled, now));
    expect(c.cancelled).toBe(true);
    expect(c.total.refunded).toBeGreaterThan(0);
    now = new Date((START - 60) * 1000);
    try {
      const before = await client.analytics.noShows(MAIN);
      expect(before).toEqual(expectedNoShows(main, now));
      expect(before.started).toBe(false);
      expect(before.tiers.every((t) => t.noShows === null && t.noShowRate === null)).toBe(true);
    } finally {
      now = NOW;
    }
  });

  it.skipIf(kind.skip)("resale prices against the cap: stats, at/above cap and histogram", async () => {
    for (const bucketBps of [1_000, 250, 3_333]) {
      expect(await client.analytics.resalePrices(MAIN, { bucketBps })).toEqual(expectedResalePrices(main, bucketBps));
    }
    const got = await client.analytics.resalePrices(MAIN);
    expect(got.tiers.every((t) => t.aboveCap === 0)).toBe(true);
    expect(got.tiers.reduce((s, t) => s + t.atCap, 0)).toBeGreaterThan(5);
    expect(got.tiers.find((t) => t.tier === 3)).toMatchObject({
      faceValue: "0",
      maxResalePrice: "0",
      sales: 1,
      atCap: 1,
      buckets: [],
    });
  });

  it.skipIf(kind.skip)("hoarding: heavy wallets, identity rings and funnels, for several thresholds", async () => {
    for (const o of [
      { over: 4, minSources: 3, windowBlocks: 300, limit: 100 },
      { over: 6, minSources: 2, windowBlocks: 100, limit: 100 },
      { over: 1, minSources: 3, windowBlocks: 1_000, limit: 5 },
    ]) {
      expect(await client.analytics.hoarding(MAIN, o)).toEqual(expectedHoarding(main, o));
    }
    const got = await client.analytics.hoarding(MAIN, { over: 4 });
    const lower = (xs: { wallet?: string; collector?: string }[]) =>
      xs.map((x) => (x.wallet ?? x.collector)!.toLowerCase());
    // The planted patterns are found: hoarders, the identity ring (6 tickets over 3 wallets), funnel X.
    expect(lower(got.wallets)).toEqual(expect.arrayContaining(main.planted.hoarders));
    expect(
      got.identities.find((i) => i.identityCommitment === main.planted.ringIdentity)?.wallets,
    ).toBeGreaterThanOrEqual(3);
    expect(lower(got.funnels)).toContain(main.planted.funnelCollector);
    expect(lower(got.funnels)).not.toContain(main.planted.singleSourceCollector);
    // Y's third source forwarded 500 blocks after its mint: a funnel only with a wider window.
    const y = main.planted.lateFunnelCollector;
    expect(lower((await client.analytics.hoarding(MAIN, { windowBlocks: 100 })).funnels)).not.toContain(y);
    expect(lower((await client.analytics.hoarding(MAIN, { windowBlocks: 600 })).funnels)).toContain(y);
    // Its second source forwarded exactly 100 blocks after the mint: inside a 100-block window, not a 99-block one.
    expect(lower((await client.analytics.hoarding(MAIN, { minSources: 2, windowBlocks: 100 })).funnels)).toContain(y);
    expect(lower((await client.analytics.hoarding(MAIN, { minSources: 2, windowBlocks: 99 })).funnels)).not.toContain(
      y,
    );
  });

  it.skipIf(kind.skip)("bad input is a 400 with a message; an unknown event a 404", async () => {
    const bad: [() => Promise<unknown>, string, RegExp][] = [
      // A malformed address never gets this far: nobody holds its organizer session (analytics-access.test.ts).
      [() => client.analytics.arrivals(MAIN, { bucketSeconds: 0 }), "BAD_REQUEST", /bucketSeconds/],
      [() => client.analytics.arrivals(MAIN, { from: "yesterday" }), "BAD_REQUEST", /from/],
      [
        () => client.analytics.arrivals(MAIN, { from: new Date((START + 10) * 1000), to: new Date(START * 1000) }),
        "BAD_REQUEST",
        /before/,
      ],
      [() => client.analytics.arrivals(MAIN, { gate: "north;drop" }), "BAD_REQUEST", /gate/],
      [() => client.analytics.resalePrices(MAIN, { bucketBps: 1.5 }), "BAD_REQUEST", /bucketBps/],
      [() => client.analytics.hoarding(MAIN, { over: -1 }), "BAD_REQUEST", /over/],
      [() => client.analytics.hoarding(MAIN, { minSources: 1 }), "BAD_REQUEST", /minSources/],
      [() => client.analytics.hoarding(MAIN, { limit: 10_000 }), "BAD_REQUEST", /limit/],
    ];
    for (const [call, apiCode, message] of bad) {
      const err = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, String(call)).toMatchObject({ status: 400, apiCode });
      expect((err as Error).message).toMatch(message);
    }
    // A parameter nobody knows (a typo) is refused rather than silently ignored.
    const typo = await client.analytics.hoarding(MAIN, { overr: 3 } as never).catch((e: unknown) => e);
    expect(typo).toMatchObject({ status: 400, apiCode: "BAD_REQUEST" });
    const unknown = "0x000000000000000000000000000000000000dEaD";
    for (const call of [
      client.analytics.arrivals,
      client.analytics.gates,
      client.analytics.noShows,
      client.analytics.resalePrices,
      client.analytics.hoarding,
    ]) {
      await expect(call(unknown)).rejects.toMatchObject({ status: 404, apiCode: "UNKNOWN_EVENT" });
    }
  });
});
