import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeNode, type FakeNode } from "./fake-node";
import { startProviderSimulator, type ProviderSimulator, type SimulatorOptions } from "./provider-simulator";
import { PROVIDER_STYLES } from "./provider-styles";

let node: FakeNode;
beforeAll(async () => {
  node = await startFakeNode(100_000);
});
afterAll(() => node.close());

let sim: ProviderSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const start = async (o: Omit<SimulatorOptions, "upstream">) =>
  (sim = await startProviderSimulator({ upstream: node.url, ...o }));

async function post(body: unknown): Promise<{ status: number; retryAfter: string | null; json: any; text: string }> {
  const res = await fetch(sim!.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, retryAfter: res.headers.get("retry-after"), json, text };
}
const getLogs = (from: number, to: number, id = 1) => ({
  jsonrpc: "2.0",
  id,
  method: "eth_getLogs",
  params: [{ fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}` }],
});

describe("provider simulator", () => {
  it("listens on loopback only", async () => {
    await start({});
    expect(new URL(sim!.url).hostname).toBe("127.0.0.1");
  });

  it("passes a range at the cap and refuses one block more, counting both", async () => {
    await start({ maxLogRange: 2_000 });
    const ok = await post(getLogs(1, 2_000));
    expect(ok.json.result).toHaveLength(2_000);
    const refused = await post(getLogs(1, 2_001));
    expect(refused.status).toBe(200);
    expect(refused.json.error.message).toMatch(/this block range should work: \[0x1, 0x7d0\]/);
    expect(sim!.stats().methods.eth_getLogs).toEqual({ calls: 2, refused: 1, rateLimited: 0 });
  });

  it("resolves 'latest' against the node's head", async () => {
    await start({ maxLogRange: 2_000 });
    const res = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getLogs",
      params: [{ fromBlock: "0x1", toBlock: "latest" }],
    });
    expect(res.json.error).toBeDefined();
    const near = await post({
      jsonrpc: "2.0",
      id: 2,
      method: "eth_getLogs",
      params: [{ fromBlock: `0x${(100_000 - 10).toString(16)}`, toBlock: "latest" }],
    });
    expect(near.json.result).toHaveLength(11);
  });

  it.each([
    ["alchemy", -32602, /Log response size exceeded.*should work: \[0x64, 0x257\]/],
    ["infura", -32005, /query returned more than 10000 results\. Try with this block range \[0x64, 0x257\]/],
    ["quicknode", -32614, /eth_getLogs is limited to a 500 range/],
    ["invalid-params", -32602, /^invalid block range params$/],
    ["range-too-large", -32000, /^block range too large$/],
    ["max-block-range", -32000, /^exceed maximum block range: 500$/],
  ] as const)("words a range refusal in %s's style", async (style, code, message) => {
    await start({ style, maxLogRange: 500 });
    const res = await post(getLogs(100, 1_100));
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toMatch(message);
  });

  it("covers every style in the range-refusal table", () => {
    expect(PROVIDER_STYLES).toHaveLength(6);
  });

  it("refuses an answer over the result cap after asking the node", async () => {
    await start({ style: "infura", maxLogResults: 100 });
    const res = await post(getLogs(1, 400));
    expect(res.json.error.code).toBe(-32005);
    expect(res.json.error.message).toMatch(
      /query returned more than 100 results\. Try with this block range \[0x1, 0x64\]/,
    );
    expect((await post(getLogs(1, 100))).json.result).toHaveLength(100);
  });

  it("answers 429 with Retry-After over the rate, and serves again once the clock moves on", async () => {
    let now = 1_000_000;
    await start({ style: "infura", rps: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect((await post({ jsonrpc: "2.0", id: i, method: "eth_chainId" })).status).toBe(200);
    const limited = await post({ jsonrpc: "2.0", id: 9, method: "eth_chainId" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe("1");
    expect(limited.json.error).toEqual({ code: -32005, message: "rate limit exceeded" });
    expect(limited.json.id).toBe(9);
    now += 1_000;
    expect((await post({ jsonrpc: "2.0", id: 10, method: "eth_chainId" })).status).toBe(200);
    expect(sim!.stats().methods.eth_chainId).toEqual({ calls: 5, refused: 0, rateLimited: 1 });
  });

  it("sends the configured Retry-After, and a plain-text 429 in the style that has no JSON body", async () => {
    await start({ style: "invalid-params", rps: 1, retryAfterSeconds: 7, now: () => 0 });
    await post({ jsonrpc: "2.0", id: 1, method: "eth_chainId" });
    const limited = await post({ jsonrpc: "2.0", id: 2, method: "eth_chainId" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe("7");
    expect(limited.text).toBe("Too Many Requests");
  });

  it("counts each call of a batch against the rate", async () => {
    await start({ rps: 4, now: () => 0 });
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ jsonrpc: "2.0", id: i, method: "eth_blockNumber" }));
    expect((await post(batch(3))).status).toBe(200);
    expect((await post(batch(2))).status).toBe(429);
    expect(sim!.stats().methods.eth_blockNumber).toEqual({ calls: 5, refused: 0, rateLimited: 2 });
  });

  it("refuses a batch over the batch limit and answers one within it in order", async () => {
    await start({ maxBatch: 2, maxLogRange: 10 });
    const over = await post([getLogs(1, 2, 1), getLogs(1, 2, 2), getLogs(1, 2, 3)]);
    expect(over.json.error.message).toMatch(/batch size too large/);
    const within = await post([getLogs(1, 50, 1), getLogs(1, 5, 2)]);
    expect(within.json[0].id).toBe(1);
    expect(within.json[0].error).toBeDefined();
    expect(within.json[1].result).toHaveLength(5);
    expect(sim!.stats().methods.eth_getLogs).toEqual({ calls: 5, refused: 4, rateLimited: 0 });
  });

  it("changes limits at run time and resets its counts", async () => {
    await start({});
    expect((await post(getLogs(1, 5_000))).json.result).toHaveLength(5_000);
    sim!.setLimits({ maxLogRange: 1_000, style: "quicknode" });
    expect((await post(getLogs(1, 5_000))).json.error.message).toBe("eth_getLogs is limited to a 1,000 range");
    expect(sim!.totals()).toEqual({ calls: 2, refused: 1, rateLimited: 0 });
    expect(sim!.stats().firstRequestAt).toEqual(expect.any(Number));
    sim!.resetStats();
    expect(sim!.totals()).toEqual({ calls: 0, refused: 0, rateLimited: 0 });
    expect(sim!.stats().firstRequestAt).toBeNull();
  });

  it("answers malformed JSON with a parse error instead of crashing", async () => {
    await start({});
    const res = await fetch(sim!.url, { method: "POST", body: "{not json" });
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(-32700);
    expect((await post({ jsonrpc: "2.0", id: 1, method: "eth_chainId" })).json.result).toBe("0x7a69");
    expect(node.calls()).toBeGreaterThan(0);
  });
});
