import { createServer } from "node:net";

export class WaitTimeoutError extends Error {
  override name = "WaitTimeoutError";
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const cause = lastError instanceof Error ? `: ${lastError.message}` : "";
  throw new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when an HTTP GET of `url` answers (any status below 500, or any status at all with `anyStatus`). */
export function waitForHttp(url: string, timeoutMs = 60_000, anyStatus = false): Promise<Response> {
  return waitFor(
    url,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return anyStatus || res.status < 500 ? res : undefined;
    },
    { timeoutMs, intervalMs: 250 },
  );
}

/** Resolves when a JSON-RPC node at `url` answers `eth_chainId`. */
export function waitForRpc(url: string, timeoutMs = 60_000): Promise<number> {
  return waitFor(
    `JSON-RPC at ${url}`,
    async () => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
        signal: AbortSignal.timeout(2_000),
      });
      const body = (await res.json()) as { result?: string };
      return body.result ? Number(body.result) : undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
}
