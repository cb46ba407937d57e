import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseError, createPublicClient, http, HttpRequestError, RpcRequestError } from "viem";
import { startRpcFaultProxy, type FaultProxy } from "../helpers/rpc-fault-proxy";

// A stand-in node: chain 31337 at block 100, so the proxy's rewrites are easy to see.
let upstream: Server;
let upstreamUrl: string;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const body = JSON.parse(text) as { id: number; method: string } | { id: number; method: string }[];
      const answer = (c: { id: number; method: string }) => ({
        jsonrpc: "2.0",
        id: c.id,
        result: c.method === "eth_chainId" ? "0x7a69" : c.method === "eth_blockNumber" ? "0x64" : null,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

async function withProxy(plan: Parameters<typeof startRpcFaultProxy>[0]["plan"], fn: (p: FaultProxy) => Promise<void>) {
  const proxy = await startRpcFaultProxy({ upstream: upstreamUrl, plan, seed: 42 });
  try {
    await fn(proxy);
  } finally {
    await proxy.close();
  }
}

const client = (url: string) => createPublicClient({ transport: http(url, { retryCount: 0, timeout: 2_000 }) });

describe("rpc fault proxy", () => {
  it("forwards untouched when no fault is planned", async () => {
    await withProxy({}, async (p) => {
      expect(await client(p.url).getChainId()).toBe(31337);
      expect(await client(p.url).getBlockNumber({ cacheTime: 0 })).toBe(100n);
      expect(p.stats.forwarded).toBe(2);
    });
  });

  it("answers 429 and 503 as HTTP errors the client sees", async () => {
    await withProxy({ status429: 1 }, async (p) => {
      const error = await client(p.url)
        .getChainId()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(JSON.stringify((error as Error).message)).toMatch(/429|Too Many/i);
    });
    await withProxy({ status5xx: 1 }, async (p) => {
      const error = await client(p.url)
        .getChainId()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BaseError);
      expect(
        (error as BaseError).walk((e) => e instanceof HttpRequestError || e instanceof RpcRequestError),
      ).toBeTruthy();
      expect((error as Error).message).toMatch(/503|Unavailable/i);
      expect(p.stats.faults.status5xx).toBe(1);
    });
  });

  it("drops connections and truncates bodies", async () => {
    await withProxy({ drop: 1 }, async (p) => {
      await expect(client(p.url).getChainId()).rejects.toThrow();
      expect(p.stats.faults.drop).toBe(1);
    });
    await withProxy({ truncate: 1 }, async (p) => {
      await expect(client(p.url).getChainId()).rejects.toThrow();
      expect(p.stats.faults.truncate).toBe(1);
    });
  });

  it("lies about the chain id and the head block", async () => {
    await withProxy({ wrongChainId: 1, staleBlock: 1, staleBy: 30 }, async (p) => {
      expect(await client(p.url).getChainId()).toBe(1);
      expect(await client(p.url).getBlockNumber({ cacheTime: 0 })).toBe(70n);
    });
  });

  it("delays and limits faults to chosen methods", async () => {
    await withProxy({ delay: 1, delayMs: 150, methods: ["eth_blockNumber"] }, async (p) => {
      const t0 = Date.now();
      await client(p.url).getChainId();
      const fast = Date.now() - t0;
      const t1 = Date.now();
      await client(p.url).getBlockNumber({ cacheTime: 0 });
      expect(Date.now() - t1).toBeGreaterThanOrEqual(140);
      expect(fast).toBeLessThan(1_000);
      expect(p.stats.faults.delay).toBe(1);
    });
  });
});
