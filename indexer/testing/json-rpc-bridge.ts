/**
 * Serves an in-process chain (any EIP-1193 `request`, e.g. Hardhat's in-process client) over
 * JSON-RPC HTTP on 127.0.0.1, so the provider simulator can stand in front of it in fast tests.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Call = { id?: unknown; method: string; params?: unknown };
type Request = (args: { method: string; params?: unknown }) => Promise<unknown>;

export async function startJsonRpcBridge(request: Request): Promise<{ url: string; close(): Promise<void> }> {
  const answer = async (c: Call) => {
    try {
      return { jsonrpc: "2.0", id: c.id ?? null, result: await request({ method: c.method, params: c.params }) };
    } catch (err) {
      const e = err as { code?: unknown; message?: string; details?: string };
      return {
        jsonrpc: "2.0",
        id: c.id ?? null,
        error: { code: typeof e.code === "number" ? e.code : -32603, message: e.details ?? e.message ?? String(err) },
      };
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Call | Call[];
        const out = Array.isArray(body) ? await Promise.all(body.map(answer)) : await answer(body);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(out, (_, v: unknown) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v)));
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
