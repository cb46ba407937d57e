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
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { STREAM_LIMITS } from "../../indexer/api/abuse-limits";
import { createApi, MAX_BODY_BYTES } from "../../indexer/api/create-api";
import { generateVenue } from "../../lib/seating/generate-venue";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
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
  t = await createTestApp({ identityPepper: PEPPER, scanRatePerSecond: 5, trustedProxyHops: 1 });
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

  it("abuse (issue 18): a flood of each rate bucket spares the others; one client cannot hog streams or hoard holds", async () => {
    const json = { "content-type": "application/json" };
    const flood = (path: string, body: unknown, xff: string) =>
      Promise.all(Array.from({ length: 300 }, () => send("POST", path, { ...json, "x-forwarded-for": xff }, JSON.stringify(body)).then((r) => r.status)));
    const refusals: string[] = [];
    // Each kind of endpoint flooded from its own client; then the other kinds from that client still answer.
    const kinds: [string, unknown, string, unknown][] = [
      ["/pass/nonce", { contract: event }, "/gate/session/nonce", { contract: event, gateId: "north-1" }],
      ["/gate/session/nonce", { contract: event, gateId: "north-1" }, "/pass/nonce", { contract: event }],
      ["/seats/session/nonce", { contract: event }, "/gate/challenge", { contract: event, gateId: "north-1" }],
    ];
    for (const [i, [floodPath, floodBody, otherPath, otherBody]] of kinds.entries()) {
      const codes = await flood(floodPath, floodBody, `198.18.0.${i + 1}`);
      const limited = codes.filter((s) => s === 429).length;
      expect(limited, floodPath).toBeGreaterThan(0);
      expect(codes.every((s) => s === 200 || s === 429), floodPath).toBe(true);
      const other = await send("POST", otherPath, { ...json, "x-forwarded-for": `198.18.0.${i + 1}` }, JSON.stringify(otherBody));
      expect(other.status, `${otherPath} after a ${floodPath} flood`).toBe(200);
      refusals.push(`${floodPath}: ${limited}/300 refused`);
    }
    // Stream hogging: one client's streams stop at its cap; the next fan still connects.
    const mine = [];
    const hogger = { "x-forwarded-for": "198.18.2.1" };
    for (let i = 0; i < STREAM_LIMITS.seats.perClient; i++) mine.push(await api.request(`/seats/stream?contract=${event}`, { headers: hogger }));
    expect(mine.every((r) => r.status === 200)).toBe(true);
    const hog = await api.request(`/seats/stream?contract=${event}`, { headers: hogger });
    expect(hog.status).toBe(429);
    const fan = await api.request(`/seats/stream?contract=${event}`, { headers: { "x-forwarded-for": "198.18.2.2" } });
    expect(fan.status).toBe(200);
    for (const r of [...mine, fan]) await r.body?.cancel();
    // Hold hoarding: throwaway wallets behind one address stop at the per-client cap.
    const org = await gateFixture(t).gateToken(t.chain.organizer, event, "organizer");
    const venue = await api.request(`/seats/venue?contract=${event}`, { method: "PUT", headers: { ...json, authorization: `Bearer ${org}` }, body: JSON.stringify({ layout: generateVenue({ sections: 4, rows: 5, seatsPerRow: 10, tiers: 1 }) }) });
    expect(venue.status, await venue.clone().text()).toBe(200);
    const holds: number[] = [];
    for (let w = 0; w < 5; w++) {
      const account = privateKeyToAccount(generatePrivateKey());
      const nonce = JSON.parse((await send("POST", "/seats/session/nonce", { ...json, "x-forwarded-for": "198.18.1.1" }, JSON.stringify({ contract: event }))).text);
      const message = buildSeatSignInMessage(nonce, account.address);
      const session = JSON.parse((await send("POST", "/seats/session", { ...json, "x-forwarded-for": "198.18.1.1" }, JSON.stringify({ message, signature: await account.signMessage({ message }) }))).text);
      const seats = Array.from({ length: 8 }, (_, k) => w * 8 + k);
      holds.push((await send("POST", "/seats/holds", { ...json, authorization: `Bearer ${session.token}`, "x-forwarded-for": "198.18.1.1" }, JSON.stringify({ seats }))).status);
    }
    expect(holds).toEqual([200, 200, 200, 429, 429]);
    recordChaos({
      faultClass: "Abuse limits",
      injected: "floods of 300 requests per rate bucket from one client, stream hogging, hold hoarding with throwaway wallets",
      count: kinds.length * 300 + STREAM_LIMITS.seats.perClient + 1 + holds.length,
      detail: `${refusals.join(", ")}; streams: ${STREAM_LIMITS.seats.perClient} then 429; holds: ${holds.join(", ")}`,
      lost: "nothing: every other bucket, client and fan still served",
      checks: ["a flooded bucket leaves the other kinds open", "per-client stream cap", "per-client hold cap"],
    });
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
