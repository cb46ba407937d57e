/**
 * The benchmark's HTTP client: every response reaches the request it answers (bodies from empty
 * to larger than one TCP read), requests queue for a free socket, and a server that drops the
 * connection fails the waiting requests instead of hanging them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { keepAlivePool } from "./keep-alive-pool";

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("keep-alive pool", () => {
  it("answers 300 requests over 3 sockets, each with its own response, bodies of 0 B to 200 kB", async () => {
    const sockets = new Set<unknown>();
    const url = await listen((req, res) => {
      sockets.add(req.socket);
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        const { n } = JSON.parse(body) as { n: number };
        const out = JSON.stringify({
          n,
          auth: req.headers.authorization,
          pad: "é".repeat(n % 7 === 0 ? 100_000 : n % 5),
        });
        // Delay some answers so the order of completion differs from the order of sending.
        setTimeout(
          () =>
            res
              .writeHead(n % 11 === 0 ? 404 : 200, {
                "content-type": "application/json",
                "content-length": Buffer.byteLength(out),
              })
              .end(out),
          n % 3,
        );
      });
    });
    const pool = keepAlivePool(url, 3);
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, async (_, n) => {
          const res = await pool.send(pool.post("/x", { authorization: `Bearer t${n}` }, JSON.stringify({ n })));
          return { n, res };
        }),
      );
      for (const { n, res } of answers) {
        const body = JSON.parse(res.body) as { n: number; auth: string; pad: string };
        expect([n, res.status, body.n, body.auth, body.pad.length]).toEqual([
          n,
          n % 11 === 0 ? 404 : 200,
          n,
          `Bearer t${n}`,
          n % 7 === 0 ? 100_000 : n % 5,
        ]);
      }
      expect(sockets.size).toBe(3);
    } finally {
      pool.close();
    }
  });

  it("fails the requests of a server that closes every connection, instead of hanging", async () => {
    const url = await listen((req) => req.socket.destroy());
    const pool = keepAlivePool(url, 2);
    try {
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => pool.send(pool.post("/x", {}, "{}"))));
      expect(results.every((r) => r.status === "rejected")).toBe(true);
    } finally {
      pool.close();
    }
  });
});
