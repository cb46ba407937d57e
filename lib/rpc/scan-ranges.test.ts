import { createPublicClient, http, HttpRequestError, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeNode, type FakeNode } from "../../scripts/lib/provider-simulator/fake-node";
import {
  startProviderSimulator,
  type ProviderSimulator,
} from "../../scripts/lib/provider-simulator/provider-simulator";
import { PROVIDER_STYLES } from "../../scripts/lib/provider-simulator/provider-styles";
import { rangeCap } from "./range-cap";
import { scanRanges } from "./scan-ranges";

let node: FakeNode;
let sim: ProviderSimulator;
let client: PublicClient;
beforeAll(async () => {
  node = await startFakeNode(100_000);
  sim = await startProviderSimulator({ upstream: node.url });
  client = createPublicClient({ transport: http(sim.url, { retryCount: 0 }) }) as PublicClient;
});
afterAll(async () => {
  await sim.close();
  await node.close();
});

const getLogs = (from: bigint, to: bigint) => client.getLogs({ fromBlock: from, toBlock: to });
const blocksOf = (logs: { blockNumber: bigint | null }[]) => logs.map((l) => Number(l.blockNumber));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("scanRanges", () => {
  it.each(PROVIDER_STYLES)(
    "%s: learns a 500-block cap from its first refusals, then is never refused again",
    async (style) => {
      sim.setLimits({ style, maxLogRange: 500 });
      sim.resetStats();
      const cap = rangeCap();
      const logs = await scanRanges(getLogs, { fromBlock: 10_000n, toBlock: 29_999n, cap });
      expect(blocksOf(logs)).toEqual(range(10_000, 29_999));
      expect(cap.blocks).toBe(500);
      // Styles that name the cap are refused once; those that do not, twice (2,000 → 1,000 → 500).
      const refusedWhileLearning = sim.stats().methods.eth_getLogs!.refused;
      expect(refusedWhileLearning).toBeLessThanOrEqual(2);
      expect(sim.stats().methods.eth_getLogs!.calls - refusedWhileLearning).toBe(40);

      // A second scan of the same endpoint starts at the learned cap: no refusal at all.
      sim.resetStats();
      await scanRanges(getLogs, { fromBlock: 50_000n, toBlock: 59_999n, cap });
      expect(sim.stats().methods.eth_getLogs).toEqual({ calls: 20, refused: 0, rateLimited: 0 });
    },
  );

  it("grows past the first range while the provider refuses nothing", async () => {
    sim.setLimits({ maxLogRange: undefined });
    sim.resetStats();
    const logs = await scanRanges(getLogs, { fromBlock: 1n, toBlock: 30_000n, cap: rangeCap() });
    expect(logs).toHaveLength(30_000);
    expect(sim.stats().methods.eth_getLogs!.calls).toBe(4); // 2,000 + 4,000 + 8,000 + 16,000
  });

  it("stops after the range in which the looked-for log turned up", async () => {
    sim.setLimits({ maxLogRange: 1_000, style: "quicknode" });
    sim.resetStats();
    const cap = rangeCap(1_000);
    const logs = await scanRanges(getLogs, {
      fromBlock: 1n,
      toBlock: 90_000n,
      cap,
      stopWhen: (found) => found.some((l) => l.blockNumber === 2_500n),
    });
    expect(logs.at(-1)!.blockNumber).toBe(3_000n);
    expect(sim.stats().methods.eth_getLogs!.calls).toBe(3);
  });

  it("waits out a rate limit for as long as Retry-After says, and never shrinks the range for it", async () => {
    const asked: number[] = [];
    const slept: number[] = [];
    let limited = 2;
    const fetch = async (from: bigint, to: bigint) => {
      asked.push(Number(to - from + 1n));
      if (limited-- > 0)
        throw new HttpRequestError({ url: "http://x", status: 429, headers: new Headers({ "retry-after": "3" }) });
      return [from];
    };
    const cap = rangeCap(1_000);
    await scanRanges(fetch, { fromBlock: 1n, toBlock: 1_000n, cap, sleep: async (ms) => void slept.push(ms) });
    expect(asked).toEqual([1_000, 1_000, 1_000]);
    expect(slept).toEqual([3_000, 3_000]);
    expect(cap.blocks).toBe(1_000);
  });

  it("gives up on an error that is neither a range refusal nor a rate limit", async () => {
    const err = new Error("execution reverted");
    await expect(scanRanges(() => Promise.reject(err), { fromBlock: 1n, toBlock: 10n, cap: rangeCap() })).rejects.toBe(
      err,
    );
  });
});
