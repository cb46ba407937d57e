import { createPublicClient, type PublicClient } from "viem";
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import { startFakeNode, type FakeNode } from "../../scripts/lib/provider-simulator/fake-node";
import {
  startProviderSimulator,
  type ProviderSimulator,
} from "../../scripts/lib/provider-simulator/provider-simulator";
import { requestBudget } from "./request-budget";
import { rpcCallStats } from "./rpc-call-stats";
import { rpcTransport } from "./rpc-transport";

/** One clock for the provider's rate window and the client's waits: a wait moves it, nothing really sleeps. */
function sharedClock() {
  const c = { now: 0, slept: [] as number[] };
  return {
    ...c,
    get: () => c.now,
    slept: c.slept,
    sleep: async (ms: number) => void (c.slept.push(ms), (c.now += ms)),
  };
}

let node: FakeNode;
let sim: ProviderSimulator | undefined;
beforeAll(async () => {
  node = await startFakeNode(100_000);
});
afterAll(() => node.close());
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("rpcTransport", () => {
  it.each(["infura", "alchemy", "invalid-params"] as const)(
    "%s: waits out a 429 for the Retry-After it names, then succeeds; counts it per method",
    async (style) => {
      const clock = sharedClock();
      sim = await startProviderSimulator({ upstream: node.url, style, rps: 2, retryAfterSeconds: 2, now: clock.get });
      const stats = rpcCallStats();
      const client = createPublicClient({
        transport: rpcTransport(sim.url, { stats, sleep: clock.sleep }),
      }) as PublicClient;
      for (let i = 0; i < 3; i++) expect(await client.getBlockNumber({ cacheTime: 0 })).toBe(100_000n);
      expect(clock.slept).toEqual([2_000]);
      expect(stats.snapshot()).toEqual({ eth_blockNumber: { calls: 4, refused: 0, rateLimited: 1 } });
      expect(sim.stats().methods.eth_blockNumber).toEqual({ calls: 4, refused: 0, rateLimited: 1 });
    },
  );

  it("gives the rate limit to the caller after its retries, still as a rate limit", async () => {
    const clock = sharedClock();
    sim = await startProviderSimulator({ upstream: node.url, style: "infura", rps: 1, now: () => 0 });
    const stats = rpcCallStats();
    const client = createPublicClient({
      transport: rpcTransport(sim.url, { stats, sleep: clock.sleep, rateLimitRetries: 2 }),
    }) as PublicClient;
    await client.getBlockNumber({ cacheTime: 0 });
    await expect(client.getBlockNumber({ cacheTime: 0 })).rejects.toThrow(/rate limit exceeded/);
    expect(stats.snapshot().eth_blockNumber).toEqual({ calls: 4, refused: 0, rateLimited: 3 });
  });

  it("keeps under a client-side budget (RPC_MAX_RPS), so the provider never answers 429", async () => {
    const clock = sharedClock();
    sim = await startProviderSimulator({ upstream: node.url, rps: 5, now: clock.get });
    const client = createPublicClient({
      transport: rpcTransport(sim.url, {
        budget: requestBudget(5, { now: clock.get, sleep: clock.sleep }),
        sleep: clock.sleep,
      }),
    }) as PublicClient;
    for (let i = 0; i < 20; i++) await client.getBlockNumber({ cacheTime: 0 });
    expect(sim.stats().methods.eth_blockNumber).toEqual({ calls: 20, refused: 0, rateLimited: 0 });
    expect(clock.get()).toBeGreaterThanOrEqual(3_000);
  });

  it("counts refusals per method and passes them to the caller without retrying", async () => {
    sim = await startProviderSimulator({ upstream: node.url, style: "quicknode", maxLogRange: 100 });
    const stats = rpcCallStats();
    const client = createPublicClient({ transport: rpcTransport(sim.url, { stats }) }) as PublicClient;
    await expect(client.getLogs({ fromBlock: 1n, toBlock: 1_000n })).rejects.toThrow(/limited to a 100 range/);
    expect(stats.snapshot().eth_getLogs).toEqual({ calls: 1, refused: 1, rateLimited: 0 });
  });
});
