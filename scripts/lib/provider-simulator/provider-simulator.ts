/**
 * A hosted JSON-RPC provider in front of a local node, for tests and benchmarks: an HTTP proxy on
 * 127.0.0.1 that caps eth_getLogs block ranges and result counts, limits requests per second
 * (429 with Retry-After), limits batch sizes, adds latency with jitter, and words every refusal in
 * one provider's style (provider-styles.ts). It counts calls, refusals and 429s per method.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readRequestBody } from "../read-request-body";
import type { AddressInfo } from "node:net";
import { seededRandom } from "../../../lib/random/seeded-random";
import {
  batchRefusal,
  rangeRefusal,
  rateLimitBody,
  resultRefusal,
  type ProviderStyle,
  type RpcErrorBody,
} from "./provider-styles";
import { requestWindow, type RequestWindow } from "./request-window";

export type SimulatorLimits = {
  style: ProviderStyle;
  /** Largest eth_getLogs block range (to − from + 1); undefined: no cap. */
  maxLogRange?: number;
  /** Most logs one eth_getLogs may return; undefined: no cap. */
  maxLogResults?: number;
  /** Calls per second (each call of a batch counts); undefined: no limit. */
  rps?: number;
  /** Retry-After sent with a 429; default: seconds until the calls fit again. */
  retryAfterSeconds?: number;
  /** Added to every answer: latencyMs ± jitterMs (uniform). */
  latencyMs?: number;
  jitterMs?: number;
  /** Most calls in one JSON-RPC batch; undefined: no limit. */
  maxBatch?: number;
};

export type SimulatorOptions = Partial<SimulatorLimits> & {
  upstream: string;
  seed?: number;
  /** Clock of the rate limit (tests step it). */
  now?: () => number;
};

export type MethodCounts = { calls: number; refused: number; rateLimited: number };

export type SimulatorStats = {
  /** HTTP requests received. */
  requests: number;
  /** When the first request since the last reset arrived (ms since epoch), or null. */
  firstRequestAt: number | null;
  /** Calls (a batch counts each) by method, and what was refused: `refused` by a limit other than the rate, `rateLimited` by a 429. */
  methods: Record<string, MethodCounts>;
};

export type ProviderSimulator = {
  url: string;
  stats(): SimulatorStats;
  /** Calls of every method together. */
  totals(): MethodCounts;
  resetStats(): void;
  /** Changes limits from now on (the rate budget starts full again when `rps` changes). */
  setLimits(limits: Partial<SimulatorLimits>): void;
  close(): Promise<void>;
};

type RpcCall = { jsonrpc?: string; id?: unknown; method?: string; params?: unknown[] };
type RpcAnswer = { jsonrpc: "2.0"; id: unknown; result?: unknown; error?: RpcErrorBody };

/**
 * @example
 * const sim = await startProviderSimulator({ upstream: node.rpcUrl, style: "alchemy", maxLogRange: 2_000, rps: 25, latencyMs: 60, jitterMs: 30 });
 * // point the indexer or the CLI at sim.url, then read sim.stats()
 * await sim.close();
 */
export async function startProviderSimulator(options: SimulatorOptions): Promise<ProviderSimulator> {
  const { upstream, now = Date.now } = options;
  let limits: SimulatorLimits = { style: "alchemy", ...stripUndefined(options) };
  let window: RequestWindow | null = limits.rps ? requestWindow(limits.rps, now) : null;
  const random = seededRandom(options.seed ?? 1);
  let stats: SimulatorStats = { requests: 0, firstRequestAt: null, methods: {} };
  const counts = (method: string): MethodCounts => (stats.methods[method] ??= { calls: 0, refused: 0, rateLimited: 0 });

  const upstreamCall = async (body: unknown): Promise<unknown> => {
    const res = await fetch(upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    return (await res.json()) as unknown;
  };
  const head = async (): Promise<bigint> => {
    // Fresh for each request that needs it, not counted: it stands for the provider's own view of the chain.
    const answer = (await upstreamCall({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber", params: [] })) as RpcAnswer;
    return BigInt(answer.result as string);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    stats.requests++;
    stats.firstRequestAt ??= Date.now();
    const text = await readRequestBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return reply(res, 200, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } });
    }
    const batch = Array.isArray(body);
    const calls = (batch ? body : [body]) as RpcCall[];
    const methods = calls.map((c) => (typeof c?.method === "string" ? c.method : "?"));
    for (const m of methods) counts(m).calls++;

    if (batch && limits.maxBatch !== undefined && calls.length > limits.maxBatch) {
      for (const m of methods) counts(m).refused++;
      return reply(res, 200, { jsonrpc: "2.0", id: null, error: batchRefusal(limits.maxBatch) });
    }
    if (window && !window.take(calls.length)) {
      for (const m of methods) counts(m).rateLimited++;
      const retryAfter = limits.retryAfterSeconds ?? window.retryAfterSeconds(calls.length);
      const error = rateLimitBody(limits.style, limits.rps!);
      const headers = { "retry-after": String(retryAfter) };
      if (!error) return replyText(res, 429, "Too Many Requests", headers);
      const answer = { jsonrpc: "2.0" as const, id: batch ? null : (calls[0]?.id ?? null), error };
      return reply(res, 429, batch ? [answer] : answer, headers);
    }
    await delay(limits.latencyMs ?? 0, limits.jitterMs ?? 0, random);

    const answers: (RpcAnswer | null)[] = calls.map(() => null);
    const needsHead = calls.some((c) => c?.method === "eth_getLogs" && limits.maxLogRange !== undefined);
    const headNow = needsHead ? await head() : 0n;
    calls.forEach((c, i) => {
      if (c?.method !== "eth_getLogs" || limits.maxLogRange === undefined) return;
      const range = logRange(c.params, headNow);
      if (!range || range.to - range.from + 1n <= BigInt(limits.maxLogRange)) return;
      counts("eth_getLogs").refused++;
      answers[i] = {
        jsonrpc: "2.0",
        id: c.id ?? null,
        error: rangeRefusal(limits.style, { ...range, maxRange: limits.maxLogRange }),
      };
    });
    const pending = calls.map((c, i) => ({ c, i })).filter(({ i }) => answers[i] === null);
    if (pending.length > 0) {
      const forwarded = batch
        ? ((await upstreamCall(pending.map((p) => p.c))) as RpcAnswer[])
        : [(await upstreamCall(pending[0]!.c)) as RpcAnswer];
      const byId = new Map(forwarded.map((a) => [JSON.stringify(a?.id ?? null), a]));
      for (const { c, i } of pending) {
        let answer = byId.get(JSON.stringify(c.id ?? null)) ?? {
          jsonrpc: "2.0" as const,
          id: c.id ?? null,
          error: { code: -32603, message: "no answer upstream" },
        };
        if (
          c.method === "eth_getLogs" &&
          limits.maxLogResults !== undefined &&
          Array.isArray(answer.result) &&
          answer.result.length > limits.maxLogResults
        ) {
          counts("eth_getLogs").refused++;
          const range = logRange(c.params, headNow || (await head())) ?? { from: 0n, to: 0n };
          answer = {
            jsonrpc: "2.0",
            id: c.id ?? null,
            error: resultRefusal(limits.style, {
              ...range,
              maxResults: limits.maxLogResults,
              count: answer.result.length,
            }),
          };
        }
        answers[i] = answer;
      }
    }
    reply(res, 200, batch ? answers : answers[0]);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        reply(res, 502, {
          jsonrpc: "2.0",
          id: null,
          error: { code: -32603, message: `simulator: ${error instanceof Error ? error.message : String(error)}` },
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => structuredClone(stats),
    totals() {
      const t: MethodCounts = { calls: 0, refused: 0, rateLimited: 0 };
      for (const c of Object.values(stats.methods)) {
        t.calls += c.calls;
        t.refused += c.refused;
        t.rateLimited += c.rateLimited;
      }
      return t;
    },
    resetStats() {
      stats = { requests: 0, firstRequestAt: null, methods: {} };
    },
    setLimits(next) {
      const rpsChanged = "rps" in next && next.rps !== limits.rps;
      limits = { ...limits, ...next };
      if (rpsChanged) window = limits.rps ? requestWindow(limits.rps, now) : null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The block range an eth_getLogs filter covers; null for a blockHash filter (one block). */
function logRange(params: unknown[] | undefined, head: bigint): { from: bigint; to: bigint } | null {
  const filter = (params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string; blockHash?: string };
  if (filter.blockHash) return null;
  const block = (tag: string | undefined): bigint => {
    if (tag === undefined || tag === "latest" || tag === "pending" || tag === "safe" || tag === "finalized")
      return head;
    if (tag === "earliest") return 0n;
    return BigInt(tag);
  };
  return { from: block(filter.fromBlock), to: block(filter.toBlock) };
}

function delay(latencyMs: number, jitterMs: number, random: () => number): Promise<void> {
  const ms = Math.max(0, latencyMs + (random() * 2 - 1) * jitterMs);
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function replyText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { "content-type": "text/plain", ...headers });
  res.end(text);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
