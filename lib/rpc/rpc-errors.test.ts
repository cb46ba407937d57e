import { createPublicClient, http, HttpRequestError, RpcRequestError, TimeoutError, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeNode, type FakeNode } from "../../scripts/lib/provider-simulator/fake-node";
import {
  startProviderSimulator,
  type ProviderSimulator,
} from "../../scripts/lib/provider-simulator/provider-simulator";
import type { ProviderStyle } from "../../scripts/lib/provider-simulator/provider-styles";
import { classifyRpcError, rangeHint, retryAfterMs } from "./rpc-errors";

describe("classifyRpcError", () => {
  it("tells range refusals, rate limits, transient failures and the rest apart", () => {
    const range = [
      "query returned more than 10000 results",
      "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
      "block range is too wide",
      "eth_getLogs is limited to a 10,000 range",
      "HTTP response body exceeded the size limit.",
      "invalid block range params",
      "exceed maximum block range: 2000",
    ];
    for (const m of range) expect(classifyRpcError(new Error(m)), m).toBe("range");
    for (const m of [
      "rate limit exceeded",
      "Too Many Requests",
      "Your app has exceeded its compute units per second capacity",
      "request rate exceeded capacity",
    ]) {
      expect(classifyRpcError(new Error(m)), m).toBe("rate-limit");
    }
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 429 }))).toBe("rate-limit");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 503 }))).toBe("retryable");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 413 }))).toBe("range");
    expect(classifyRpcError(new TimeoutError({ body: {}, url: "http://x" }))).toBe("retryable");
    expect(classifyRpcError(new Error("connect ECONNREFUSED 127.0.0.1:8545"))).toBe("retryable");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 400 }))).toBe("fatal");
    expect(classifyRpcError(new Error("execution reverted"))).toBe("fatal");
  });

  it("reads a 429 whose body carries -32005 as a rate limit, not a range refusal (status before code)", () => {
    const err = new RpcRequestError({
      body: {},
      error: { code: -32005, message: "rate limit exceeded" },
      status: 429,
      headers: new Headers({ "retry-after": "3" }),
      url: "http://x",
    });
    expect(classifyRpcError(err)).toBe("rate-limit");
    expect(retryAfterMs(err)).toBe(3_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const at = (v: string) =>
      new HttpRequestError({ url: "http://x", status: 429, headers: new Headers({ "retry-after": v }) });
    expect(retryAfterMs(at("2"))).toBe(2_000);
    expect(retryAfterMs(at("Wed, 21 Oct 2015 07:28:05 GMT"), Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5_000);
    expect(retryAfterMs(at("soon"))).toBeUndefined();
    expect(retryAfterMs(new Error("x"))).toBeUndefined();
  });
});

describe("refusals as viem raises them from each provider's answer (through the provider simulator)", () => {
  let node: FakeNode;
  let sim: ProviderSimulator;
  let client: PublicClient;
  beforeAll(async () => {
    node = await startFakeNode(100_000);
    // A stopped clock: the rate budget never refills, so a 429 does not depend on how fast the test runs.
    sim = await startProviderSimulator({ upstream: node.url, maxLogRange: 500, now: () => 0 });
    client = createPublicClient({ transport: http(sim.url, { retryCount: 0 }) }) as PublicClient;
  });
  afterAll(async () => {
    await sim.close();
    await node.close();
  });
  const refusal = async (style: ProviderStyle, limits: Record<string, unknown> = {}) => {
    sim.setLimits({ style, rps: undefined, ...limits });
    return client.getLogs({ fromBlock: 1_000n, toBlock: 2_999n }).then(
      () => expect.unreachable("the simulator should have refused"),
      (err: unknown) => err,
    );
  };

  it.each([
    ["alchemy", 500],
    ["infura", 500],
    ["quicknode", 500],
    ["invalid-params", undefined],
    ["range-too-large", undefined],
    ["max-block-range", 500],
  ] as const)("%s: a range refusal, naming a cap of %s blocks", async (style, hint) => {
    const err = await refusal(style);
    expect(classifyRpcError(err)).toBe("range");
    expect(rangeHint(err)).toBe(hint);
  });

  it.each(["alchemy", "infura", "quicknode", "invalid-params", "range-too-large", "max-block-range"] as const)(
    "%s: a 429 is a rate limit with its Retry-After",
    async (style) => {
      sim.setLimits({ style, rps: 1, retryAfterSeconds: 4 });
      await client.getChainId().catch(() => undefined); // uses the one request of the second
      const err = await client.getBlockNumber({ cacheTime: 0 }).then(
        () => expect.unreachable("the simulator should have answered 429"),
        (e: unknown) => e,
      );
      expect(classifyRpcError(err)).toBe("rate-limit");
      expect(retryAfterMs(err)).toBe(4_000);
    },
  );
});
