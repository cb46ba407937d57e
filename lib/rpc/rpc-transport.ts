/**
 * The viem transport the indexer and the CLI talk to the chain through (http or ws by URL), with
 * what a hosted provider needs: an optional budget of requests per second (RPC_MAX_RPS), rate
 * limits waited out (Retry-After honoured, exponential backoff otherwise) instead of being
 * treated as failures, a few retries of transient failures, and calls, refusals and 429s counted
 * per method. viem's own retry is off: it would retry -32005 "more than 10,000 results" as if it
 * were load, and it cannot count what it retries.
 */
import { http, webSocket, type Transport } from "viem";
import { requestBudget, type RequestBudget } from "./request-budget";
import type { RpcCallStats } from "./rpc-call-stats";
import { classifyRpcError, retryAfterMs } from "./rpc-errors";

export type RpcTransportOptions = {
  /** Requests per second this process may send; undefined or 0: no budget. */
  maxRps?: number;
  stats?: RpcCallStats;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Extra tries after a transient failure (timeout, 5xx, network). */
  retryCount?: number;
  /** Waits after a rate limit before the error reaches the caller. */
  rateLimitRetries?: number;
  /** Longest single wait after a rate limit, whatever Retry-After says. */
  maxRateLimitWaitMs?: number;
  /** Injected for tests: where waiting happens and what paces the budget. */
  sleep?: (ms: number) => Promise<void>;
  budget?: RequestBudget;
  /** The underlying transport instead of one built from the URL (tests). */
  inner?: Transport;
};

/**
 * @example
 * const stats = rpcCallStats();
 * const client = createPublicClient({ chain, transport: rpcTransport(rpcUrl, { maxRps: 20, stats }) });
 */
export function rpcTransport(url: string, o: RpcTransportOptions = {}): Transport {
  const inner =
    o.inner ??
    (url.startsWith("ws")
      ? webSocket(url, { retryCount: 0, ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}) })
      : http(url, { retryCount: 0, ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}) }));
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const budget = o.budget ?? (o.maxRps ? requestBudget(o.maxRps) : undefined);
  const retries = o.retryCount ?? 1;
  const rateLimitRetries = o.rateLimitRetries ?? 6;
  const maxWait = o.maxRateLimitWaitMs ?? 30_000;
  return ((config: Parameters<Transport>[0]) => {
    const t = inner({ ...config, retryCount: 0 });
    const request = (async (args: { method: string; params?: unknown }, options?: unknown) => {
      let transient = 0;
      let limited = 0;
      for (;;) {
        await budget?.take();
        o.stats?.call(args.method);
        try {
          return await (t.request as (a: unknown, b?: unknown) => Promise<unknown>)(args, options);
        } catch (err) {
          const kind = classifyRpcError(err);
          if (kind === "rate-limit") {
            o.stats?.rateLimited(args.method);
            if (limited >= rateLimitRetries) throw err;
            await sleep(Math.min(maxWait, retryAfterMs(err) ?? 250 * 2 ** limited));
            limited++;
            continue;
          }
          o.stats?.refused(args.method);
          if (kind === "retryable" && transient < retries) {
            await sleep(100 * 2 ** transient);
            transient++;
            continue;
          }
          throw err;
        }
      }
    }) as typeof t.request;
    return { ...t, request };
  }) as Transport;
}
