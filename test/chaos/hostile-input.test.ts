/**
 * Hostile input against every HTTP route of the indexer, gate and on-sale API (read from the
 * Hono app's own route table, so a new route is fuzzed without editing this file): random
 * bodies of wrong types, unicode, SQL metacharacters, broken JSON, deep nesting, hostile path
 * parameters, query strings and bearer tokens. Never a 500, never an ADMIT; every POST refuses
 * an oversized body with 413; the per-device scan limit and the on-sale IP limit answer 429.
 * Seeded (CHAOS_SEED): a failure names the request to replay.
 */
import { and, eq } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { eventTicketAbi } from "../../lib/generated/abis";
import { STREAM_LIMITS } from "../../indexer/api/abuse-limits";
import { createApi, MAX_BODY_BYTES } from "../../indexer/api/create-api";
import { checkInConflicts, checkIns } from "../../indexer/db/schema";
import { createCheckInBatcher } from "../../indexer/gate/batcher/check-in-batcher";
import { generateVenue } from "../../lib/seating/generate-venue";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import { createDevIdentityProvider } from "../../indexer/onsale/identity/dev-identity-provider";
import { nodeAccountVoucherSigner } from "../../indexer/onsale/vouchers/voucher-signer";
import { gateFixture, TIER } from "../../indexer/testing/gate-fixture";
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
    body: JSON.stringify({
      id: saleId,
      contract: event,
      tier: 2,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      admitPerSecond: 10,
      maxPerIdentity: 1,
      ipJoinsPerMinute: 5,
    }),
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
    for (const must of [
      "GET /health",
      "GET /tickets",
      "POST /gate/scan",
      "POST /gate/pass/scan",
      "POST /pass/delegations",
      "POST /onsale/sales/:id/join",
      "POST /onsale/entry/voucher",
    ]) {
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
      const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
        h.random() < 0.3 ? realParam(name) : encodeURIComponent(h.string()),
      );
      const url = path + (route.method === "GET" || h.random() < 0.2 ? h.query() : "");
      const headers: Record<string, string> = {};
      const auth = h.random();
      if (auth < 0.3) headers.authorization = `Bearer ${scannerToken}`;
      else if (auth < 0.6)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips what a header value cannot carry
        headers.authorization = `Bearer ${h.string().replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")}`;
      if (h.random() < 0.9)
        headers["content-type"] = h.random() < 0.9 ? "application/json" : "text/plain; charset=utf-16";
      if (h.random() < 0.2) headers["x-forwarded-for"] = h.pick(["1.2.3.4", "::1", "' OR 1=1", "999.999.999.999", ""]);
      const body = route.method === "GET" ? undefined : h.body();
      const { status, text } = await send(route.method, url, headers, body);
      const where = `#${i} ${route.method} ${url.slice(0, 200)} body=${(body ?? "").slice(0, 200)}`;
      // Collect every failure, so one run reports all the bugs it found.
      if (status >= 500) failures.push(`${where} → ${status} ${text.slice(0, 200)}`);
      if (/"result"\s*:\s*"ADMIT"/.test(text)) failures.push(`${where} → ADMIT`);
      if (isScan(route.path) && status !== 401 && status < 500 && JSON.parse(text).result !== "DENY")
        failures.push(`${where} → not a DENY verdict: ${text.slice(0, 200)}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      perRoute.set(route.path, (perRoute.get(route.path) ?? 0) + 1);
    }
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect(logged.filter((l) => l.includes("failed:"))).toEqual([]);
    const byStatus = [...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ");
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
        const headers = {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          authorization: `Bearer ${scannerToken}`,
        };
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
    for (let i = 0; i < 30; i++)
      codes.push(
        (
          await send(
            "POST",
            "/gate/pass/scan",
            { "content-type": "application/json", authorization: `Bearer ${scannerToken}` },
            passBody,
          )
        ).status,
      );
    expect(codes).toContain(429);
    const joins: number[] = [];
    for (let i = 0; i < 10; i++)
      joins.push(
        (
          await send(
            "POST",
            `/onsale/sales/${saleId}/join`,
            { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
            "{}",
          )
        ).status,
      );
    expect(joins).toContain(429);
  });

  it("rate limits: one client flooding POST /gate/challenge gets 429 RATE_LIMITED (no row per request)", async () => {
    const codes = new Map<number, number>();
    // All at once: faster than the bucket refills (50/s, burst 200) however slow this machine is.
    const answers = await Promise.all(
      Array.from({ length: 400 }, () =>
        send(
          "POST",
          "/gate/challenge",
          { "content-type": "application/json" },
          JSON.stringify({ contract: event, gateId: "flood" }),
        ),
      ),
    );
    for (const { status } of answers) codes.set(status, (codes.get(status) ?? 0) + 1);
    expect(codes.get(429) ?? 0).toBeGreaterThan(0);
    expect([...codes.keys()].every((s) => s === 200 || s === 429)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500)); // refill, so later tests are not throttled
  });

  it("abuse (issue 18): a flood of each rate bucket spares the others; one client cannot hog streams or hoard holds", async () => {
    const json = { "content-type": "application/json" };
    const flood = (path: string, body: unknown, xff: string) =>
      Promise.all(
        Array.from({ length: 300 }, () =>
          send("POST", path, { ...json, "x-forwarded-for": xff }, JSON.stringify(body)).then((r) => r.status),
        ),
      );
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
      expect(
        codes.every((s) => s === 200 || s === 429),
        floodPath,
      ).toBe(true);
      const other = await send(
        "POST",
        otherPath,
        { ...json, "x-forwarded-for": `198.18.0.${i + 1}` },
        JSON.stringify(otherBody),
      );
      expect(other.status, `${otherPath} after a ${floodPath} flood`).toBe(200);
      refusals.push(`${floodPath}: ${limited}/300 refused`);
    }
    // Stream hogging: one client's streams stop at its cap; the next fan still connects.
    const mine = [];
    const hogger = { "x-forwarded-for": "198.18.2.1" };
    for (let i = 0; i < STREAM_LIMITS.seats.perClient; i++)
      mine.push(await api.request(`/seats/stream?contract=${event}`, { headers: hogger }));
    expect(mine.every((r) => r.status === 200)).toBe(true);
    const hog = await api.request(`/seats/stream?contract=${event}`, { headers: hogger });
    expect(hog.status).toBe(429);
    const fan = await api.request(`/seats/stream?contract=${event}`, { headers: { "x-forwarded-for": "198.18.2.2" } });
    expect(fan.status).toBe(200);
    for (const r of [...mine, fan]) await r.body?.cancel();
    // Hold hoarding: throwaway wallets behind one address stop at the per-client cap.
    const org = await gateFixture(t).gateToken(t.chain.organizer, event, "organizer");
    const venue = await api.request(`/seats/venue?contract=${event}`, {
      method: "PUT",
      headers: { ...json, authorization: `Bearer ${org}` },
      body: JSON.stringify({ layout: generateVenue({ sections: 4, rows: 5, seatsPerRow: 10, tiers: 1 }) }),
    });
    expect(venue.status, await venue.clone().text()).toBe(200);
    const holds: number[] = [];
    for (let w = 0; w < 5; w++) {
      const account = privateKeyToAccount(generatePrivateKey());
      const nonce = JSON.parse(
        (
          await send(
            "POST",
            "/seats/session/nonce",
            { ...json, "x-forwarded-for": "198.18.1.1" },
            JSON.stringify({ contract: event }),
          )
        ).text,
      );
      const message = buildSeatSignInMessage(nonce, account.address);
      const session = JSON.parse(
        (
          await send(
            "POST",
            "/seats/session",
            { ...json, "x-forwarded-for": "198.18.1.1" },
            JSON.stringify({ message, signature: await account.signMessage({ message }) }),
          )
        ).text,
      );
      const seats = Array.from({ length: 8 }, (_, k) => w * 8 + k);
      holds.push(
        (
          await send(
            "POST",
            "/seats/holds",
            { ...json, authorization: `Bearer ${session.token}`, "x-forwarded-for": "198.18.1.1" },
            JSON.stringify({ seats }),
          )
        ).status,
      );
    }
    expect(holds).toEqual([200, 200, 200, 429, 429]);
    recordChaos({
      faultClass: "Abuse limits",
      injected:
        "floods of 300 requests per rate bucket from one client, stream hogging, hold hoarding with throwaway wallets",
      count: kinds.length * 300 + STREAM_LIMITS.seats.perClient + 1 + holds.length,
      detail: `${refusals.join(", ")}; streams: ${STREAM_LIMITS.seats.perClient} then 429; holds: ${holds.join(", ")}`,
      lost: "nothing: every other bucket, client and fan still served",
      checks: ["a flooded bucket leaves the other kinds open", "per-client stream cap", "per-client hold cap"],
    });
  });

  it("abuse (issue 18): reconcile garbage is refused whole (400) or stored as conflicts with reasons, never a check-in; the one genuine admission goes on chain", async () => {
    const g = gateFixture(t);
    const json = { "content-type": "application/json" };
    const alice = getAddress(t.chain.alice.account!.address);
    const bob = getAddress(t.chain.bob.account!.address);
    const minted = (contract: Address) =>
      t.chain.publicClient.readContract({ address: contract, abi: eventTicketAbi, functionName: "totalMinted" });
    // Tickets of its own (the fixture's #1 is the pass the last test admits): two VIP (zones 0 and 1) and a general (zone 0 only).
    const first = (await minted(event)) + 1n;
    await g.mintTier(event, TIER.vip, [alice, alice]);
    await g.mintTier(event, TIER.general, [alice]);
    const [vip, vip2, general] = [first, first + 1n, first + 2n].map(String) as [string, string, string];
    // Another event whose last ticket id does not exist in this one.
    const other = await g.createTieredEvent("Hostile Elsewhere");
    await g.mintTier(other, TIER.general, Array(Number(first + 3n)).fill(alice));
    const foreign = String(await minted(other));
    await t.sync.syncToHead();
    // A real staff session of this event: carol's wallet (GATE_ROLE), a VIP-only gate (zone 1), which downloads its snapshot.
    const gateId = "vip-reconcile";
    const token = await g.gateToken(t.chain.carol, event, gateId, 1);
    const auth = { ...json, authorization: `Bearer ${token}` };
    const snapshotAt = t.clock.now().getTime();
    expect((await send("GET", "/gate/offline/snapshot", auth)).status).toBe(200);
    const now = t.clock.now().toISOString();
    const reconcile = async (admissions: unknown[]) => {
      const res = await send("POST", "/gate/offline/reconcile", auth, JSON.stringify({ admissions }));
      expect(
        res.status,
        `${res.text.slice(0, 300)}; logged: ${logged.slice(-2).join(" | ").slice(0, 600)}`,
      ).toBeLessThan(500);
      return { status: res.status, body: JSON.parse(res.text) };
    };
    const genuine = { tokenId: vip, holder: alice, admittedAt: now };
    const stored = async () => ({
      checkIns: await t.database.db
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.contract, event.toLowerCase()), eq(checkIns.gateId, gateId))),
      conflicts: await t.database.db
        .select()
        .from(checkInConflicts)
        .where(and(eq(checkInConflicts.contract, event.toLowerCase()), eq(checkInConflicts.gateId, gateId))),
    });

    // Refused at the route, before reconcile, and the whole batch with it (the genuine row beside each is not recorded
    // either): ids at or above 2^256, non-decimal, negative or not canonical (schema: 400 BAD_REQUEST), times before
    // 1970 (400 BAD_REQUEST; year 0000 was a 500: PostgreSQL has no year 0), and admission times in the future past
    // the 60 s clock skew (400 MALFORMED).
    const badIds: unknown[] = [
      (2n ** 256n).toString(),
      (2n ** 256n + 1n).toString(),
      "9".repeat(78),
      "1".repeat(500),
      "-1",
      "-0",
      "+5",
      "0x10",
      "1e3",
      "5.0",
      " 5",
      "٣",
      "",
      5,
      null,
      { id: 5 },
    ];
    for (const tokenId of badIds) {
      const res = await reconcile([genuine, { tokenId, holder: alice, admittedAt: now }]);
      expect(res, `tokenId ${JSON.stringify(tokenId)}`).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/^admissions\.1\.tokenId: /) } },
      });
    }
    for (const admittedAt of [
      "0000-01-01T00:00:00Z",
      "0000-12-31T23:59:59.999Z",
      "0001-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999Z",
    ]) {
      const res = await reconcile([genuine, { tokenId: vip2, holder: alice, admittedAt }]);
      expect(res, admittedAt).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/^admissions\.1\.admittedAt: /) } },
      });
    }
    for (const ahead of [3_600_000, 365 * 86_400_000]) {
      const res = await reconcile([
        genuine,
        { tokenId: vip2, holder: alice, admittedAt: new Date(t.clock.now().getTime() + ahead).toISOString() },
      ]);
      expect(res).toMatchObject({
        status: 400,
        body: { error: { code: "MALFORMED", message: expect.stringContaining("dated in the future") } },
      });
    }
    expect(await stored()).toEqual({ checkIns: [], conflicts: [] });

    // The batch reconcile judges: every row but one is garbage.
    const before = new Date(snapshotAt - 10 * 60_000).toISOString();
    const later = new Date(Date.parse(now) + 1_000).toISOString();
    const rows: { row: { tokenId: string; holder: Address; admittedAt: string }; expect: string }[] = [
      { row: genuine, expect: "ACCEPTED" },
      { row: genuine, expect: "DUPLICATE" }, // the same admission twice (a retried upload): answered, stored once
      { row: { ...genuine, admittedAt: later }, expect: "ALREADY_CHECKED_IN" }, // the same ticket admitted again
      { row: { ...genuine, admittedAt: before }, expect: "OUTSIDE_SNAPSHOT" }, // back-dated before the gate's first snapshot
      { row: { ...genuine, admittedAt: "1970-01-01T00:00:00Z" }, expect: "OUTSIDE_SNAPSHOT" }, // a scanner whose clock reset
      { row: { tokenId: "999999", holder: alice, admittedAt: now }, expect: "UNKNOWN_TOKEN" },
      { row: { tokenId: "999999", holder: alice, admittedAt: now }, expect: "UNKNOWN_TOKEN" }, // an exact duplicate: answered twice, stored once
      { row: { tokenId: "0", holder: alice, admittedAt: now }, expect: "UNKNOWN_TOKEN" },
      { row: { tokenId: (2n ** 256n - 1n).toString(), holder: alice, admittedAt: now }, expect: "UNKNOWN_TOKEN" },
      { row: { tokenId: foreign, holder: alice, admittedAt: now }, expect: "UNKNOWN_TOKEN" }, // alice's ticket of another event
      { row: { tokenId: general, holder: alice, admittedAt: now }, expect: "ZONE_NOT_ALLOWED" }, // zone 0 only, at a zone-1 gate
      { row: { tokenId: vip2, holder: bob, admittedAt: now }, expect: "NOT_OWNER" }, // alice holds it
      {
        row: { tokenId: vip2, holder: getAddress("0x000000000000000000000000000000000000dEaD"), admittedAt: later },
        expect: "NOT_OWNER",
      },
    ];
    const res = await reconcile(rows.map((r) => r.row));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as {
      accepted: string[];
      duplicates: string[];
      conflicts: { tokenId: string; admittedAt: string; reason: string; message: string }[];
    };
    // Every row answered: none dropped.
    expect(body.accepted.length + body.duplicates.length + body.conflicts.length).toBe(rows.length);
    expect(body.accepted).toEqual([vip]);
    expect(body.duplicates).toEqual([vip]);
    const key = (tokenId: string, at: string) => `${tokenId} @ ${new Date(at).toISOString()}`;
    const garbage = rows.filter((r) => r.expect !== "ACCEPTED" && r.expect !== "DUPLICATE");
    const answered = body.conflicts.map((c) => `${key(c.tokenId, c.admittedAt)}: ${c.reason}`).sort();
    expect(answered).toEqual(garbage.map((r) => `${key(r.row.tokenId, r.row.admittedAt)}: ${r.expect}`).sort());
    for (const c of body.conflicts) expect(c.message, c.tokenId).toEqual(expect.any(String));
    // Stored: one conflict per distinct admission (token, gate, time) with its reason; the genuine one alone is a check-in.
    const expectStored = () =>
      [...new Set(garbage.map((r) => `${key(r.row.tokenId, r.row.admittedAt)}: ${r.expect}`))].sort();
    const db1 = await stored();
    expect(
      db1.conflicts.map((c) => `${key(c.tokenId.toString(), c.admittedAt.toISOString())}: ${c.reason}`).sort(),
    ).toEqual(expectStored());
    expect(
      db1.checkIns.map((c) => ({
        tokenId: c.tokenId,
        holder: c.holder,
        mode: c.mode,
        at: c.checkedInAt.toISOString(),
      })),
    ).toEqual([
      { tokenId: BigInt(vip), holder: alice.toLowerCase(), mode: "offline", at: new Date(now).toISOString() },
    ]);
    // The scanner retries the whole upload (its answer was lost): the same answer, nothing new stored.
    const again = await reconcile(rows.map((r) => r.row));
    expect(again.status).toBe(200);
    expect(again.body.accepted).toEqual([]);
    expect(again.body.duplicates).toEqual([vip, vip]);
    expect(
      (again.body.conflicts as { tokenId: string; admittedAt: string; reason: string }[])
        .map((c) => `${key(c.tokenId, c.admittedAt)}: ${c.reason}`)
        .sort(),
    ).toEqual(answered);
    const db2 = await stored();
    expect(db2.conflicts).toHaveLength(db1.conflicts.length);
    expect(db2.checkIns).toHaveLength(1);

    // The check-in batcher is not running in this fixture: one tick of a real one (carol's wallet holds GATE_ROLE)
    // carries the genuine admission to the chain, with no error, and leaves none of this event's rows pending.
    const batcher = createCheckInBatcher({
      db: t.database.db,
      client: t.chain.publicClient,
      signer: { address: t.chain.carol.account!.address, wallet: t.chain.carol, signsLocally: false },
      settings: { intervalMs: 0 },
      log: (line) => logged.push(line),
    });
    const report = await batcher.tick();
    expect(report.confirmed).toBeGreaterThanOrEqual(1);
    expect((await batcher.status()).lastError).toBeUndefined();
    expect(
      await t.chain.publicClient.readContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [BigInt(vip)],
      }),
    ).toBe(true);
    const queue = await t.database.db.select().from(checkIns).where(eq(checkIns.contract, event.toLowerCase()));
    expect(queue.filter((r) => !r.chainConfirmed)).toEqual([]);
    recordChaos({
      faultClass: "Reconcile garbage",
      injected:
        "offline reconcile uploads from a real staff session: ids ≥ 2^256, non-decimal and negative ids, unknown ids, another event's ticket, another zone's ticket, non-holders, back-dated, pre-1970 and future times, duplicates, one genuine admission",
      count: badIds.length + 6 + rows.length * 2,
      detail: `${badIds.length + 6} batches refused whole (400); ${garbage.length} garbage rows → ${db1.conflicts.length} stored conflicts; 1 check-in, confirmed on chain`,
      lost: "nothing: 0 × HTTP 5xx, 0 garbage check-ins, every row answered, the batcher ticked clean",
      checks: [
        "status < 500",
        "bad ids, pre-1970 and future times: 400 with a reason code, nothing stored",
        "every garbage row a stored conflict with its reason",
        "the genuine admission accepted once and confirmed on chain",
      ],
    });
  });

  it("the pipeline was live: the genuine owner's pass is admitted after all that", async () => {
    const g = gateFixture(t);
    const { device } = await g.delegate(t.chain.alice, event);
    await new Promise((r) => setTimeout(r, 1_000)); // let the device's bucket refill after the rate-limit test
    const res = await send(
      "POST",
      "/gate/pass/scan",
      { "content-type": "application/json", authorization: `Bearer ${scannerToken}` },
      JSON.stringify({ pass: await g.pass(device, event, 1n) }),
    );
    expect(JSON.parse(res.text)).toMatchObject({ result: "ADMIT" });
    expect(getAddress(JSON.parse(res.text).holder)).toBe(getAddress(t.chain.alice.account!.address));
  });
});
