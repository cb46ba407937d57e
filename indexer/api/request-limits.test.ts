/**
 * Request limits every route shares (issue 18, items 4, 5 and 11): a body limit on every method,
 * no body read before the caller is known, and per-client rate buckets per kind of endpoint that
 * count the client behind a trusted proxy, not the proxy.
 */
import { serve, type ServerType } from "@hono/node-server";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import { createTestApp, type TestApp } from "../testing/test-app";
import { MAX_BODY_BYTES, MAX_VENUE_BODY_BYTES } from "./abuse-limits";

const RATE = 5; // GATE_IP_RATE for this file: buckets of 5/s, burst 20 (fan sign-in 1/s, burst 4)
const CHUNK = 1024;

let t: TestApp;
let event: Address;

beforeAll(async () => {
  t = await createTestApp({ ipRatePerSecond: RATE, trustedProxyHops: 1 });
  event = await t.chain.createEvent("Limits Night");
  await t.sync.syncToHead();
}, 60_000);
afterAll(() => t?.close());

/** A body of `total` bytes that counts how much of it the server pulled. */
function countedBody(total: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { body, pulled: () => pulled };
}

async function send(method: string, path: string, total: number, headers: Record<string, string> = {}) {
  const counted = countedBody(total);
  const res = await t.app.request(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: counted.body,
    duplex: "half",
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, text, pulled: counted.pulled() };
}

async function seatToken(xff: string): Promise<string> {
  const nonce = await t.post("/seats/session/nonce", { contract: event }, { "x-forwarded-for": xff });
  const message = buildSeatSignInMessage(
    nonce.body as unknown as GateChallenge,
    getAddress(t.chain.alice.account!.address),
  );
  const signature = await t.chain.alice.signMessage({ account: t.chain.alice.account!, message });
  const res = await t.post("/seats/session", { message, signature }, { "x-forwarded-for": xff });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token as string;
}

describe("body limits on every method", { timeout: 60_000 }, () => {
  it("reads no DELETE body before authenticating (32 MiB offered), and refuses an oversized one once signed in", async () => {
    const anonymous = await send("DELETE", "/seats/holds", 32 * 1024 * 1024, { "x-forwarded-for": "192.0.2.10" });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).error.code).toBe("UNAUTHORIZED");
    expect(anonymous.pulled).toBeLessThanOrEqual(64 * 1024); // what the stream buffers ahead, not the body
    const token = await seatToken("192.0.2.10");
    const signedIn = await send("DELETE", "/seats/holds", 1024 * 1024, {
      authorization: `Bearer ${token}`,
      "x-forwarded-for": "192.0.2.10",
    });
    expect(signedIn.status).toBe(413);
    expect(JSON.parse(signedIn.text).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(signedIn.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 64 * 1024);
  });

  it("answers a DELETE announcing 32 MiB by Content-Length with 413 before a byte of the body is sent", async () => {
    let server!: ServerType;
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => resolve(info.port));
    });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "DELETE",
            path: "/seats/holds",
            headers: { "content-length": String(32 * 1024 * 1024) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on("error", reject);
        req.flushHeaders(); // headers only: the old server waited here for 32 MiB
      });
      expect(status).toBe(413);
    } finally {
      (server as Server).closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("reads at most the limit on every route, whatever the method (never a 5xx)", async () => {
    const seen = new Set<string>();
    for (const r of t.app.routes) {
      if (r.path.includes("*") || seen.has(r.path)) continue;
      seen.add(r.path);
      const path = r.path.replace(/:([A-Za-z]+)/g, "x");
      for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
        const limit = method === "PUT" && path === "/seats/venue" ? MAX_VENUE_BODY_BYTES : MAX_BODY_BYTES;
        const res = await send(method, path, 1024 * 1024, { "x-forwarded-for": `192.0.2.${seen.size}` });
        expect(res.status, `${method} ${path}: ${res.text.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path}: ${res.text.slice(0, 120)}`).toBeLessThan(500);
        expect(res.pulled, `${method} ${path}`).toBeLessThanOrEqual(limit + 64 * 1024);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});

describe("rate buckets per kind of endpoint, per client", { timeout: 60_000 }, () => {
  const flood = (path: string, body: unknown, xff: string, n = 100) =>
    Promise.all(Array.from({ length: n }, () => t.post(path, body, { "x-forwarded-for": xff }).then((r) => r.status)));

  it("a flood of anonymous /pass/nonce leaves staff sign-in and invite redemption open to that address", async () => {
    const xff = "198.51.100.7";
    const codes = await flood("/pass/nonce", { contract: event }, xff);
    expect(codes.filter((s) => s === 429).length).toBeGreaterThan(50);
    expect(codes.every((s) => s === 200 || s === 429)).toBe(true);
    const staffNonce = await t.post(
      "/gate/session/nonce",
      { contract: event, gateId: "north-1" },
      { "x-forwarded-for": xff },
    );
    expect(staffNonce.status, JSON.stringify(staffNonce.body)).toBe(200);
    const invite = await t.post(
      "/gate/session/invite",
      { code: "ABCD-EFGH-JKMN-PQRS", devicePublicKey: "A".repeat(87) },
      { "x-forwarded-for": xff },
    );
    expect(invite.status).not.toBe(429);
    expect(invite.status).toBeLessThan(500);
    // A scanner asking for a challenge with its session draws from another bucket than the anonymous flood.
    const authed = await t.post(
      "/gate/challenge",
      { contract: event, gateId: "north-1" },
      { "x-forwarded-for": xff, authorization: "Bearer not-a-session-token-000000" },
    );
    expect(authed.status).not.toBe(429);
  });

  it("behind a trusted proxy, one client's flood is counted as one client (whatever first hops it writes) and spares the next", async () => {
    const codes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t
          .post(
            "/gate/challenge",
            { contract: event, gateId: "flood" },
            { "x-forwarded-for": `10.7.${i}.1, 198.51.100.20` },
          )
          .then((r) => r.status),
      ),
    );
    expect(codes.filter((s) => s === 429).length).toBeGreaterThan(50);
    // Same proxy (the socket), another client as the proxy saw it.
    const other = await t.post(
      "/gate/challenge",
      { contract: event, gateId: "north-1" },
      { "x-forwarded-for": "10.7.0.1, 198.51.100.21" },
    );
    expect(other.status, JSON.stringify(other.body)).toBe(200);
  });
});
