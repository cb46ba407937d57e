import { describe, expect, it } from "vitest";
import { caughtUpStatus } from "../sync/sync-status";
import { healthRoute } from "./health-route";
import { metricsRoute } from "./metrics-route";

const status = () => ({
  ...caughtUpStatus({ chainId: 31337, block: 10, headCheckedAt: () => Date.now() }),
  rpc: {
    eth_getLogs: { calls: 40, refused: 1, rateLimited: 3 },
    eth_blockNumber: { calls: 7, refused: 0, rateLimited: 0 },
  },
  counters: { ...caughtUpStatus({ chainId: 31337, block: 10, headCheckedAt: () => 0 }).counters, rangeCap: 500 },
});

describe("RPC calls in /metrics and /health", () => {
  it("exports calls, refusals and 429s per method, and the learned eth_getLogs cap", async () => {
    const text = await (await metricsRoute(status, { requests: new Map(), sseClients: () => 0 }).request("/")).text();
    expect(text).toContain('fairgate_rpc_calls_total{method="eth_getLogs"} 40');
    expect(text).toContain('fairgate_rpc_refused_total{method="eth_getLogs"} 1');
    expect(text).toContain('fairgate_rpc_rate_limited_total{method="eth_getLogs"} 3');
    expect(text).toContain('fairgate_rpc_calls_total{method="eth_blockNumber"} 7');
    expect(text).toContain("fairgate_getlogs_range_cap_blocks 500");
  });

  it("shows them in /health", async () => {
    const body = (await (await healthRoute(status).request("/")).json()) as { rpc: unknown; rangeCap: unknown };
    expect(body.rpc).toEqual(status().rpc);
    expect(body.rangeCap).toBe(500);
  });
});
