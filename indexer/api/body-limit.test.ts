/**
 * The body limit over a real Node HTTP server: a body announced by Content-Length is judged by
 * the header, a chunked body is counted as it streams; both over the limit get the caller's 413,
 * and bodies within it reach the route intact.
 */
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitBody } from "./body-limit";

const MAX = 64;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono();
  app.post(
    "*",
    limitBody(MAX, (c) => c.json({ error: "too large" }, 413)),
  );
  app.post("/echo", async (c) => c.json({ text: await c.req.text() }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends `chunks` either with a Content-Length (one write) or chunked (one write per chunk). */
function post(chunks: string[], chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = chunks.join("");
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/echo",
        headers: chunked ? { "transfer-encoding": "chunked" } : { "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    if (chunked) for (const c of chunks) req.write(c);
    else req.write(body);
    req.end();
  });
}

describe("limitBody", () => {
  it("passes a body within the limit, with or without Content-Length", async () => {
    expect(await post(["héllo"], false)).toEqual({ status: 200, body: JSON.stringify({ text: "héllo" }) });
    expect(await post(["hé", "llo"], true)).toEqual({ status: 200, body: JSON.stringify({ text: "héllo" }) });
  });

  it("refuses a body over the limit by its Content-Length, and a chunked one as it streams", async () => {
    expect((await post(["x".repeat(MAX + 1)], false)).status).toBe(413);
    expect((await post(["x".repeat(40), "x".repeat(40)], true)).status).toBe(413);
    expect((await post(["x".repeat(MAX)], false)).status).toBe(200);
  });
});
