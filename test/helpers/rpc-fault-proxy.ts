import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readRequestBody } from "../../scripts/lib/read-request-body";
import type { AddressInfo } from "node:net";
import { seededRandom } from "../../lib/random/seeded-random";

/**
 * Probabilities (0..1) of each fault per request, and their parameters. Faults are tried in the
 * order listed; the first that fires decides the request. `methods` limits faults to those
 * JSON-RPC methods (a batch matches when any call in it does).
 */
export type FaultPlan = {
  drop?: number;
  delay?: number;
  delayMs?: number;
  status429?: number;
  status5xx?: number;
  truncate?: number;
  /** eth_chainId answers another chain. */
  wrongChainId?: number;
  /** eth_blockNumber answers a block `staleBy` behind the head. */
  staleBlock?: number;
  staleBy?: number;
  methods?: string[];
};

export type FaultKind = "drop" | "delay" | "status429" | "status5xx" | "truncate" | "wrongChainId" | "staleBlock";

export type FaultProxy = {
  url: string;
  /** Requests seen and faults injected, by kind. */
  stats: { requests: number; forwarded: number; faults: Record<FaultKind, number> };
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
};

type RpcCall = { jsonrpc?: string; id?: unknown; method?: string; params?: unknown };

function methodsOf(body: unknown): string[] {
  const calls = (Array.isArray(body) ? body : [body]) as RpcCall[];
  return calls.map((c) => (typeof c?.method === "string" ? c.method : ""));
}

function rpcError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32005, message } }));
}

/** Rewrites answers of one method inside a (possibly batched) JSON-RPC response. */
function rewrite(request: unknown, responseText: string, method: string, fn: (result: string) => string): string {
  const calls = (Array.isArray(request) ? request : [request]) as RpcCall[];
  const ids = new Set(calls.filter((c) => c?.method === method).map((c) => JSON.stringify(c.id)));
  const parsed = JSON.parse(responseText) as unknown;
  const answers = (Array.isArray(parsed) ? parsed : [parsed]) as { id?: unknown; result?: unknown }[];
  for (const a of answers) {
    if (ids.has(JSON.stringify(a.id)) && typeof a.result === "string") a.result = fn(a.result);
  }
  return JSON.stringify(Array.isArray(parsed) ? answers : answers[0]);
}

/**
 * A JSON-RPC proxy on loopback that injects faults between a client (indexer, gate) and a real
 * node: dropped connections, delays, 429 and 5xx answers, truncated bodies, a wrong chain id and
 * stale block numbers. Deterministic for a given seed.
 *
 * @example
 * const proxy = await startRpcFaultProxy({ upstream: rpcUrl, seed: 7, plan: { status429: 0.1, drop: 0.05 } });
 * // point the indexer at proxy.url …
 * await proxy.close();
 */
export async function startRpcFaultProxy(options: {
  upstream: string;
  plan?: FaultPlan;
  seed?: number;
}): Promise<FaultProxy> {
  let plan: FaultPlan = options.plan ?? {};
  const random = seededRandom(options.seed ?? 1);
  const stats: FaultProxy["stats"] = {
    requests: 0,
    forwarded: 0,
    faults: { drop: 0, delay: 0, status429: 0, status5xx: 0, truncate: 0, wrongChainId: 0, staleBlock: 0 },
  };

  const pick = (methods: string[]): FaultKind | undefined => {
    if (plan.methods && !methods.some((m) => plan.methods!.includes(m))) return undefined;
    const order: FaultKind[] = ["drop", "status429", "status5xx", "delay", "truncate", "wrongChainId", "staleBlock"];
    for (const kind of order) {
      const p = plan[kind] ?? 0;
      if (kind === "wrongChainId" && !methods.includes("eth_chainId")) continue;
      if (kind === "staleBlock" && !methods.includes("eth_blockNumber")) continue;
      if (p > 0 && random() < p) return kind;
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    const text = await readRequestBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined; // forwarded as is: the node answers malformed JSON itself
    }
    const fault = pick(methodsOf(body));
    if (fault) stats.faults[fault]++;
    if (fault === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault === "status429") return rpcError(res, 429, "Too Many Requests (injected)");
    if (fault === "status5xx") return rpcError(res, 503, "Service Unavailable (injected)");
    if (fault === "delay") await new Promise((r) => setTimeout(r, plan.delayMs ?? 1_000));

    const upstream = await fetch(options.upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
      signal: AbortSignal.timeout(30_000),
    });
    let answer = await upstream.text();
    stats.forwarded++;
    if (fault === "truncate") answer = answer.slice(0, Math.max(1, Math.floor(answer.length / 2)));
    if (fault === "wrongChainId") answer = rewrite(body, answer, "eth_chainId", () => "0x1");
    if (fault === "staleBlock") {
      const by = BigInt(plan.staleBy ?? 5);
      answer = rewrite(
        body,
        answer,
        "eth_blockNumber",
        (head) => `0x${(BigInt(head) > by ? BigInt(head) - by : 0n).toString(16)}`,
      );
    }
    res.writeHead(upstream.status, { "content-type": "application/json" });
    res.end(answer);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        rpcError(res, 502, `proxy: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setPlan(next) {
      plan = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
