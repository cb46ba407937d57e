/**
 * The sync engine behind a hosted provider's limits (the provider simulator in front of an
 * in-process chain with a long history): it learns the eth_getLogs cap from one refusal, whatever
 * the wording, is never refused again (nor is its read-ahead), and waits out rate limits for the
 * Retry-After they name without ever shrinking a range for them.
 */
import { createPublicClient, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rangeCap } from "../../lib/rpc/range-cap";
import { rpcCallStats } from "../../lib/rpc/rpc-call-stats";
import { rpcTransport } from "../../lib/rpc/rpc-transport";
import {
  startProviderSimulator,
  type ProviderSimulator,
} from "../../scripts/lib/provider-simulator/provider-simulator";
import type { Database } from "../db/types";
import { chainActivity } from "../testing/activity";
import { createChainFixture, type ChainFixture } from "../testing/chain-fixture";
import { dumpChainTables } from "../testing/dump-chain-tables";
import { startJsonRpcBridge } from "../testing/json-rpc-bridge";
import { resetDatabase, testDatabases } from "../testing/test-databases";
import { createSyncEngine, type SyncEngineOptions } from "./sync-engine";

const pglite = testDatabases().find((k) => k.name === "pglite")!;
let chain: ChainFixture;
let bridge: { url: string; close(): Promise<void> };
let sim: ProviderSimulator;
let db: Database;
let reference: Awaited<ReturnType<typeof dumpChainTables>>;

/** A shared clock: the simulator's rate window and the transport's waits; a wait moves it, nothing sleeps. */
const clock = { now: 0, slept: [] as number[] };
const sleep = async (ms: number) => {
  clock.slept.push(ms);
  clock.now += ms;
};

beforeAll(async () => {
  chain = await createChainFixture();
  const activity = chainActivity({
    publicClient: chain.publicClient,
    wallets: [chain.organizer, chain.alice, chain.bob, chain.carol] as WalletClient[],
    factory: chain.factory,
  });
  // Activity spread over ~12,000 blocks: events, mints, sales, check-ins between long empty stretches.
  const first = await activity.createTieredEvent("Long Night");
  await chain.mineBlocks(4_000);
  await activity.scenario(first, 0);
  await chain.mineBlocks(4_000);
  const second = await activity.createTieredEvent("Later Night");
  await activity.scenario(second, 1);
  await chain.mineBlocks(4_000);
  bridge = await startJsonRpcBridge((args) => chain.publicClient.request(args as never));
  sim = await startProviderSimulator({ upstream: bridge.url, now: () => clock.now });
  db = await pglite.open();
  const plain = await pglite.open();
  await engine(chain.publicClient, plain).syncToHead();
  reference = await dumpChainTables(plain.db);
  await plain.close();
}, 120_000);

afterAll(async () => {
  await db?.close();
  await sim?.close();
  await bridge?.close();
});

function engine(client: PublicClient, d: Database, extra: Partial<SyncEngineOptions> = {}) {
  return createSyncEngine({
    client,
    db: d.db,
    chainId: chain.chainId,
    factory: chain.factory,
    fromBlock: chain.fromBlock,
    maxBlockRange: 2_000,
    pollIntervalMs: 20,
    log: () => {},
    ...extra,
  });
}

const throughSimulator = () =>
  createPublicClient({ transport: rpcTransport(sim.url, { sleep, stats: rpcCallStats() }) }) as PublicClient;

describe("sync engine behind a provider's limits", () => {
  it.each([
    ["alchemy", 500], // hints the range that works: learned exactly
    ["quicknode", 500], // states its cap
    ["invalid-params", 400], // -32602 "invalid block range params": no number, so half the refused 800
    ["range-too-large", 400],
  ] as const)(
    "%s at a 500-block cap: one refusal teaches the cap, nothing is refused after it, nothing is lost",
    async (style, learned) => {
      await resetDatabase(db.db);
      sim.setLimits({ style, maxLogRange: 500, rps: undefined });
      sim.resetStats();
      const cap = rangeCap();
      const sync = engine(throughSimulator(), db, { rangeCap: cap });
      await sync.syncToHead();
      expect(sim.stats().methods.eth_getLogs!.refused).toBe(1);
      expect(cap.blocks).toBe(learned);
      expect(sync.status().counters).toMatchObject({ rangeShrinks: 1, rangeCap: learned });
      expect(sync.status().counters.rangeSize).toBeLessThanOrEqual(learned);
      expect(await dumpChainTables(db.db)).toEqual(reference);

      // The next engine on the same endpoint (same process, shared cap) is not refused at all.
      await resetDatabase(db.db);
      sim.resetStats();
      await engine(throughSimulator(), db, { rangeCap: cap }).syncToHead();
      expect(sim.stats().methods.eth_getLogs!.refused).toBe(0);
    },
  );

  it("waits out 429s (a -32005 body: Infura's code for 'too many results' too) for the Retry-After they name, and never shrinks a range for them", async () => {
    await resetDatabase(db.db);
    sim.setLimits({ style: "infura", maxLogRange: undefined, rps: 3, retryAfterSeconds: 2 });
    sim.resetStats();
    clock.slept.length = 0;
    const sync = engine(throughSimulator(), db);
    await sync.syncToHead();
    const limited = Object.values(sim.stats().methods).reduce((n, c) => n + c.rateLimited, 0);
    expect(limited).toBeGreaterThan(0);
    expect(clock.slept.length).toBe(limited);
    expect(clock.slept.every((ms) => ms === 2_000)).toBe(true);
    expect(sync.status().counters).toMatchObject({ rangeShrinks: 0, rangeCap: null });
    expect(sync.status().counters.rangeSize).toBe(2_000);
    expect(await dumpChainTables(db.db)).toEqual(reference);
  });
});
