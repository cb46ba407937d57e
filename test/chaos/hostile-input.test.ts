/**
 * Hostile input against every HTTP route of the indexer, gate and on-sale API (read from the
 * Hono app's own route table, so a new route is fuzzed without editing this file): random
 * bodies of wrong types, unicode, SQL metacharacters, broken JSON, deep nesting, hostile path
 * parameters, query strings and bearer tokens. Never a 500, never an ADMIT; every POST refuses
 * an oversized body with 413; the per-device scan limit and the on-sale IP limit answer 429.
 * Seeded (CHAOS_SEED): a failure names the request to replay.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, MAX_BODY_BYTES } from "../../indexer/api/create-api";
import { createDevIdentityProvider } from "../../indexer/onsale/identity/dev-identity-provider";
import { nodeAccountVoucherSigner } from "../../indexer/onsale/vouchers/voucher-signer";
import { gateFixture } from "../../indexer/testing/gate-fixture";
import { createTestApp, type TestApp } from "../../indexer/testing/test-app";
import { chaosSeed, recordChaos, scaled } from "./chaos-profile";
import { hostileValues } from "./hostile-values";

const REQUESTS = scaled(1_500, 10_000);
const ADMIN_TOKEN = "chaos-admin-token-0123456789";
const PEPPER = "chaos-pepper-0123456789abcdef";

let t: TestApp;
let api: ReturnType<typeof createApi>;
let event: Address;
let scannerToken: string;
let saleId: string;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ identityPepper: PEPPER, scanRatePerSecond: 5 });
  const g = gateFixture(t);
  event = await g.createTieredEvent("Hostile Night");
  await g.mintTier(event, 0, [t.chain.alice.account!.address, t.chain.bob.account!.address]);
  await g.grantGateRole(event, t.chain.carol.account!.address);
  await t.sync.syncToHead();
  scannerToken = await g.gateToken(t.chain.carol, event);
  await g.delegate(t.chain.alice, event);
  api = createApi({
    db: t.database.db,
    syncStatus: t.sync.status,
    gate: t.gate,
    corsOrigins: ["http://localhost:3000"],
    log: (line) => logged.push(line),
    changes: t.changes,
    now: t.clock.now,
    onsale: {
      db: t.database.db,
      client: t.chain.publicClient,
      chainId: t.chain.chainId,
      siweDomains: ["localhost:3000"],
      signer: nodeAccountVoucherSigner(t.chain.publicClient, t.chain.organizer.account!.address),
      identity: createDevIdentityProvider(PEPPER),
      adminToken: ADMIN_TOKEN,
      now: t.clock.now,
      log: (line) => logged.push(line),
    },
  });
  saleId = "hostile-sale";
  const created = await api.request("/onsale/sales", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ id: saleId, contract: event, tier: 2, opensAt: new Date(Date.now() - 60_000).toISOString(), admitPerSecond: 10, maxPerIdentity: 1, ipJoinsPerMinute: 5 }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
});
afterAll(() => t?.close());

/** Every concrete route (method + path pattern) the app serves. */
function routes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return api.routes
    .filter((r) => ["GET", "POST", "DELETE"].includes(r.method) && !r.path.includes("*"))
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
}

const isScan = (path: string) => path === "/gate/scan" || path === "/gate/pass/scan";

/** Sends one request; SSE answers are not read to the end (they stream for minutes). */
async function send(method: string, url: string, headers: Record<string, string>, body?: string) {
  const res = await api.request(url, { method, headers, ...(body !== undefined && method !== "GET" ? { body } : {}) });
  const streaming = (res.headers.get("content-type") ?? "").includes("text/event-stream");
  const text = streaming ? "" : await res.text();
  if (streaming) await res.body?.cancel();
  return { status: res.status, text };
}

describe("hostile input on every endpoint", () => {
  it("lists the routes it fuzzes (indexer, gate, pass, on-sale)", () => {
    const paths = routes().map((r) => `${r.method} ${r.path}`);
    for (const must of ["GET /health", "GET /tickets", "POST /gate/scan", "POST /gate/pass/scan", "POST /pass/delegations", "POST /onsale/sales/:id/join", "POST /onsale/entry/voucher"]) {
      expect(paths).toContain(must);
    }
    expect(paths.length).toBeGreaterThanOrEqual(25);
  });

  it(`${REQUESTS.toLocaleString("en")} random hostile requests: never a 500, never an ADMIT`, async () => {
    const h = hostileValues(chaosSeed, [event, event.toLowerCase(), saleId, "1", "2"]);
    const all = routes();
    const statuses = new Map<number, number>();
    const perRoute = new Map<string, number>();
    const failures: string[] = [];
    const realParam = (name: string) => (name === "id" ? saleId : name === "tokenId" ? "1" : event);
    for (let i = 0; i < REQUESTS; i++) {
      const route = all[i % all.length]!;
      const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => (h.random() < 0.3 ? realParam(name) : encodeURIComponent(h.string())));
      const url = path + (route.method === "GET" || h.random() < 0.2 ? h.query() : "");
      const headers: Record<string, string> = {};
      const auth = h.random();
      if (auth < 0.3) headers.authorization = `Bearer ${scannerToken}`;
      else if (auth < 0.6) headers.authorization = `Bearer ${h.string().replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")}`;
      if (h.random() < 0.9) headers["content-type"] = h.random() < 0.9 ? "application/json" : "text/plain; charset=utf-16";
      if (h.random() < 0.2) headers["x-forwarded-for"] = h.pick(["1.2.3.4", "::1", "' OR 1=1", "999.999.999.999", ""]);
      const body = route.method === "GET" ? undefined : h.body();
      const { status, text } = await send(route.method, url, headers, body);
      const where = `#${i} ${route.method} ${url.slice(0, 200)} body=${(body ?? "").slice(0, 200)}`;
      // Collect every failure, so one run reports all the bugs it found.
      if (status >= 500) failures.push(`${where} → ${status} ${text.slice(0, 200)}`);
      if (/"result"\s*:\s*"ADMIT"/.test(text)) failures.push(`${where} → ADMIT`);
      if (isScan(route.path) && status !== 401 && status < 500 && JSON.parse(text).result !== "DENY") failures.push(`${where} → not a DENY verdict: ${text.slice(0, 200)}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      perRoute.set(route.path, (perRoute.get(route.path) ?? 0) + 1);
    }
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect(logged.filter((l) => l.includes("failed:"))).toEqual([]);
    const byStatus = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(", ");
    console.log(`hostile requests by status: ${byStatus}`);
    recordChaos({
      faultClass: "Hostile input",
      injected: `random hostile requests over ${all.length} routes (wrong types, unicode, SQL metacharacters, broken JSON, deep nesting, hostile params/tokens)`,
      count: REQUESTS,
      detail: byStatus,
      lost: "nothing: 0 × HTTP 5xx, 0 × ADMIT, 0 internal errors logged",
      checks: ["status < 500 on every request", "no ADMIT in any answer", "scan answers are DENY verdicts"],
    });
  });

  it("refuses an oversized body on every POST route with 413 (scan routes with a DENY verdict)", async () => {
    const posts = routes().filter((r) => r.method === "POST");
    for (const size of [MAX_BODY_BYTES + 1, 1024 * 1024]) {
      const body = JSON.stringify({ message: "x".repeat(size) });
      for (const r of posts) {
        const url = r.path.replace(/:([A-Za-z]+)/g, () => "x");
        // With its Content-Length, as any real client sends it (chunked bodies: indexer/api/request-limits.test.ts).
        const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), authorization: `Bearer ${scannerToken}` };
        const { status, text } = await send("POST", url, headers, body);
        expect(status, `${r.path} with ${size} bytes`).toBe(413);
        if (isScan(r.path)) expect(JSON.parse(text)).toMatchObject({ result: "DENY", reason: "MALFORMED" });
        else expect(JSON.parse(text).error.code).toBe("PAYLOAD_TOO_LARGE");
      }
    }
  });

  it("rate limits: a scanner device past its burst gets 429 RATE_LIMITED; an IP past the on-sale join limit gets 429", async () => {
    const passBody = JSON.stringify({ pass: "AAAA" });
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await send("POST", "/gate/pass/scan", { "content-type": "application/json", authorization: `Bearer ${scannerToken}` }, passBody)).status);
    expect(codes).toContain(429);
    const joins: number[] = [];
    for (let i = 0; i < 10; i++) joins.push((await send("POST", `/onsale/sales/${saleId}/join`, { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" }, "{}")).status);
    expect(joins).toContain(429);
  });

  it("rate limits: one client flooding POST /gate/challenge gets 429 RATE_LIMITED (no row per request)", async () => {
    const codes = new Map<number, number>();
    // All at once: faster than the bucket refills (50/s, burst 200) however slow this machine is.
    const answers = await Promise.all(Array.from({ length: 400 }, () => send("POST", "/gate/challenge", { "content-type": "application/json" }, JSON.stringify({ contract: event, gateId: "flood" }))));
    for (const { status } of answers) codes.set(status, (codes.get(status) ?? 0) + 1);
    expect(codes.get(429) ?? 0).toBeGreaterThan(0);
    expect([...codes.keys()].every((s) => s === 200 || s === 429)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500)); // refill, so later tests are not throttled
  });

  it("the pipeline was live: the genuine owner's pass is admitted after all that", async () => {
    const g = gateFixture(t);
    const { device } = await g.delegate(t.chain.alice, event);
    await new Promise((r) => setTimeout(r, 1_000)); // let the device's bucket refill after the rate-limit test
    const res = await send("POST", "/gate/pass/scan", { "content-type": "application/json", authorization: `Bearer ${scannerToken}` }, JSON.stringify({ pass: await g.pass(device, event, 1n) }));
    expect(JSON.parse(res.text)).toMatchObject({ result: "ADMIT" });
    expect(getAddress(JSON.parse(res.text).holder)).toBe(getAddress(t.chain.alice.account!.address));
  });
});
