/**
 * The authorization matrix (authorization-matrix.ts) against the real app: every route the Hono
 * app registers must have an entry, and each route's probe, sent as each kind of caller, must get
 * the status the matrix says. Callers hold real credentials: SIWE seat sessions for fans, gate
 * sessions for wallet staff (one of them revoked on chain afterwards), an invite session bound to
 * a device key that signs every request, and admin sessions of two organizers of two events.
 */
import { keccak256, parseEventLogs, toHex, type Address, type WalletClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import type { EventContent } from "../../lib/event-content/content-schema";
import { eventContentTypedData } from "../../lib/event-content/content-signature";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { signDeviceRequest } from "../../lib/gate/request-signature";
import { generateVenue } from "../../lib/seating/generate-venue";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import { openSession } from "../gate/sessions/gate-session";
import { createDevIdentityProvider } from "../onsale/identity/dev-identity-provider";
import { nodeAccountVoucherSigner } from "../onsale/vouchers/voucher-signer";
import { gateFixture, type Device } from "../testing/gate-fixture";
import { createTestApp, type TestApp } from "../testing/test-app";
import { AUTHORIZATION_MATRIX, CALLERS, type Caller } from "./authorization-matrix";
import { createApi } from "./create-api";

type Probe = { method: string; path: string; body?: unknown };

let t: TestApp;
let api: ReturnType<typeof createApi>;
let A: Address;
let B: Address;
let device: Device;
const tokens: Partial<Record<Caller, string>> = {};
const SALE = "matrix-sale";

async function mined(hash: `0x${string}`) {
  const r = await t.chain.publicClient.waitForTransactionReceipt({ hash });
  if (r.status !== "success") throw new Error(`tx ${hash} reverted`);
  return r;
}

/** One request as `caller`: its bearer, and for invite staff the device signature over method, path and body. */
async function send(caller: Caller, p: Probe) {
  const body = p.body === undefined ? undefined : JSON.stringify(p.body);
  // Each caller its own client address (behind one trusted proxy), as real callers are.
  const headers: Record<string, string> = {
    "x-forwarded-for": `192.0.2.${CALLERS.indexOf(caller) + 1}`,
    ...(body === undefined ? {} : { "content-type": "application/json" }),
  };
  const token = tokens[caller];
  if (token) headers.authorization = `Bearer ${token}`;
  if (caller === "inviteStaff")
    Object.assign(
      headers,
      await signDeviceRequest(device.keys.privateKey, {
        method: p.method,
        path: p.path.split("?")[0]!,
        timeMs: Date.now(),
        body: body ?? "",
      }),
    );
  const res = await api.request(p.path, { method: p.method, headers, ...(body === undefined ? {} : { body }) });
  const streaming = (res.headers.get("content-type") ?? "").includes("text/event-stream");
  const text = streaming ? "" : await res.text();
  if (streaming) await res.body?.cancel();
  return { status: res.status, text };
}

async function fanSession(wallet: WalletClient): Promise<string> {
  const nonce = await t.post("/seats/session/nonce", { contract: A });
  const message = buildSeatSignInMessage(nonce.body as unknown as GateChallenge, wallet.account!.address);
  const res = await t.post("/seats/session", {
    message,
    signature: await wallet.signMessage({ account: wallet.account!, message }),
  });
  if (res.status !== 200) throw new Error(`seat sign-in: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** A fresh invite of event A, for a probe that revokes one. */
async function inviteOfA(): Promise<string> {
  const res = await t.post("/gate/invites", { gateId: "matrix-gate" }, { authorization: `Bearer ${tokens.organizer}` });
  if (res.status !== 200) throw new Error(`invite: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A fresh staff session of event A (as its id in GET /gate/sessions), for a probe that ends one. */
async function staffSessionOfA(): Promise<string> {
  const s = await openSession(t.database.db, {
    contract: A,
    gateId: "north-9",
    zone: 0,
    role: "gate",
    staff: t.chain.carol.account!.address,
    now: t.clock.now(),
    ttlSeconds: 3600,
  });
  return s.tokenHash.slice(0, 16);
}

const layout = generateVenue({ sections: 1, rows: 2, seatsPerRow: 10, tiers: 1 });

let contentVersion = 0;
const eventContent: EventContent = {
  description: "Matrix probe",
  venue: null,
  image: { kind: "upload", dataUrl: `data:image/png;base64,${Buffer.from("89504e47", "hex").toString("base64")}` },
  timeZone: "UTC",
  doorsOpen: null,
  tierNames: ["General"],
};

/** Event content signed by the caller's own wallet (a fresh key for callers that have none), at a new version. */
async function signedContentProbe(caller: Caller): Promise<Probe> {
  const wallets: Partial<Record<Caller, WalletClient>> = {
    organizer: t.chain.organizer,
    otherOrganizer: t.chain.wallets[5],
    walletStaff: t.chain.carol,
    revokedStaff: t.chain.wallets[6],
    fan: t.chain.alice,
    otherFan: t.chain.bob,
  };
  const wallet = wallets[caller];
  const version = ++contentVersion;
  const typed = eventContentTypedData(t.chain.chainId, A, version, eventContent);
  const signature = wallet
    ? await wallet.signTypedData({ account: wallet.account!, ...typed })
    : await privateKeyToAccount(generatePrivateKey()).signTypedData(typed);
  return { method: "PUT", path: `/events/${A}/content`, body: { version, content: eventContent, signature } };
}

const seatOf: Partial<Record<Caller, number>> = { fan: 1, otherFan: 2 };

/** Each route's probe: a well-formed request about event A (a junk signature where a signature is the credential). */
const PROBES: Record<string, (caller: Caller) => Probe | Promise<Probe>> = {
  "GET /health": () => ({ method: "GET", path: "/health" }),
  "GET /metrics": () => ({ method: "GET", path: "/metrics" }),
  "GET /tickets": () => ({ method: "GET", path: `/tickets?owner=${t.chain.alice.account!.address}` }),
  "GET /tickets/:contract/:tokenId": () => ({ method: "GET", path: `/tickets/${A}/1` }),
  "GET /check": () => ({ method: "GET", path: `/check?q=${A}/1` }),
  "GET /events": () => ({ method: "GET", path: "/events" }),
  "GET /events/:address": () => ({ method: "GET", path: `/events/${A}` }),
  "GET /events/:address/waitlist": () => ({ method: "GET", path: `/events/${A}/waitlist` }),
  "GET /events/:address/content": () => ({ method: "GET", path: `/events/${A}/content` }),
  "GET /events/:address/content/image": () => ({ method: "GET", path: `/events/${A}/content/image` }),
  "PUT /events/:address/content": signedContentProbe,
  "GET /listings": () => ({ method: "GET", path: `/listings?contract=${A}` }),
  "GET /sales": () => ({ method: "GET", path: `/sales?contract=${A}` }),
  "GET /stream": () => ({ method: "GET", path: "/stream" }),
  "GET /metadata/:chainId/:ticket": () => ({ method: "GET", path: `/metadata/${t.chain.chainId}/${A}` }),
  "GET /metadata/:chainId/:ticket/:tokenId": () => ({ method: "GET", path: `/metadata/${t.chain.chainId}/${A}/1` }),
  "GET /metadata/:chainId/:ticket/:tokenId/image.svg": () => ({
    method: "GET",
    path: `/metadata/${t.chain.chainId}/${A}/1/image.svg`,
  }),
  "GET /analytics/:contract/arrivals": () => ({ method: "GET", path: `/analytics/${A}/arrivals` }),
  "GET /analytics/:contract/gates": () => ({ method: "GET", path: `/analytics/${A}/gates` }),
  "GET /analytics/:contract/no-shows": () => ({ method: "GET", path: `/analytics/${A}/no-shows` }),
  "GET /analytics/:contract/resale-prices": () => ({ method: "GET", path: `/analytics/${A}/resale-prices` }),
  "GET /analytics/:contract/hoarding": () => ({ method: "GET", path: `/analytics/${A}/hoarding` }),
  "GET /analytics/:contract/leaks": () => ({ method: "GET", path: `/analytics/${A}/leaks` }),
  "GET /analytics/:contract/primary-sales": () => ({ method: "GET", path: `/analytics/${A}/primary-sales` }),
  "POST /gate/challenge": () => ({ method: "POST", path: "/gate/challenge", body: { contract: A, gateId: "north-1" } }),
  "POST /gate/scan": () => ({
    method: "POST",
    path: "/gate/scan",
    body: { message: "not a SIWE message", signature: "0x00" },
  }),
  "POST /gate/pass/scan": () => ({ method: "POST", path: "/gate/pass/scan", body: { pass: "AAAA" } }),
  "POST /gate/session/nonce": () => ({
    method: "POST",
    path: "/gate/session/nonce",
    body: { contract: A, gateId: "north-1" },
  }),
  "POST /gate/session": () => ({
    method: "POST",
    path: "/gate/session",
    body: { message: "not a SIWE message", signature: "0x00" },
  }),
  "POST /gate/session/invite": () => ({
    method: "POST",
    path: "/gate/session/invite",
    body: { code: "ABCD-EFGH-JKMN-PQRS", devicePublicKey: device.publicKey },
  }),
  "POST /gate/invites": () => ({ method: "POST", path: "/gate/invites", body: { gateId: "east-1" } }),
  "GET /gate/invites": () => ({ method: "GET", path: "/gate/invites" }),
  "DELETE /gate/invites/:id": async () => ({ method: "DELETE", path: `/gate/invites/${await inviteOfA()}` }),
  "GET /gate/sessions": () => ({ method: "GET", path: "/gate/sessions" }),
  "DELETE /gate/sessions/:id": async () => ({ method: "DELETE", path: `/gate/sessions/${await staffSessionOfA()}` }),
  "GET /gate/offline/snapshot": () => ({ method: "GET", path: "/gate/offline/snapshot" }),
  "POST /gate/offline/reconcile": () => ({ method: "POST", path: "/gate/offline/reconcile", body: { admissions: [] } }),
  "GET /gate/offline/delta": () => ({ method: "GET", path: `/gate/offline/delta?block=0&at=${Date.now()}` }),
  "POST /pass/nonce": () => ({ method: "POST", path: "/pass/nonce", body: { contract: A } }),
  "POST /pass/delegations": () => ({
    method: "POST",
    path: "/pass/delegations",
    body: { message: "not a SIWE message", signature: "0x00" },
  }),
  "POST /seats/session/nonce": () => ({ method: "POST", path: "/seats/session/nonce", body: { contract: A } }),
  "POST /seats/session": () => ({
    method: "POST",
    path: "/seats/session",
    body: { message: "not a SIWE message", signature: "0x00" },
  }),
  "POST /seats/holds": (c) => ({ method: "POST", path: "/seats/holds", body: { seats: [seatOf[c] ?? 3] } }),
  "DELETE /seats/holds": () => ({ method: "DELETE", path: "/seats/holds" }),
  "GET /seats/holds": () => ({ method: "GET", path: `/seats/holds?contract=${A}` }),
  "PUT /seats/venue": () => ({ method: "PUT", path: `/seats/venue?contract=${A}`, body: { layout } }),
  "GET /seats/venue": () => ({ method: "GET", path: `/seats/venue?contract=${A}` }),
  "GET /seats/status": () => ({ method: "GET", path: `/seats/status?contract=${A}` }),
  "GET /seats/stream": () => ({ method: "GET", path: `/seats/stream?contract=${A}` }),
  "GET /onsale/info": () => ({ method: "GET", path: "/onsale/info" }),
  "GET /onsale/sales": () => ({ method: "GET", path: `/onsale/sales?contract=${A}` }),
  "GET /onsale/sales/:id": () => ({ method: "GET", path: `/onsale/sales/${SALE}` }),
  "POST /onsale/sales": (c) => ({
    method: "POST",
    path: "/onsale/sales",
    body: {
      id: `matrix-${c.toLowerCase()}`,
      contract: A,
      tier: 2,
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      admitPerSecond: 5,
      maxPerIdentity: 1,
    },
  }),
  "POST /onsale/sales/:id/pow": () => ({ method: "POST", path: `/onsale/sales/${SALE}/pow` }),
  "POST /onsale/sales/:id/join": () => ({ method: "POST", path: `/onsale/sales/${SALE}/join`, body: {} }),
  "GET /onsale/entry": () => ({ method: "GET", path: "/onsale/entry" }),
  "GET /onsale/entry/stream": () => ({ method: "GET", path: "/onsale/entry/stream" }),
  "POST /onsale/entry/sign-in/nonce": () => ({ method: "POST", path: "/onsale/entry/sign-in/nonce", body: {} }),
  "POST /onsale/entry/sign-in": () => ({
    method: "POST",
    path: "/onsale/entry/sign-in",
    body: { message: "not a SIWE message", signature: "0x00" },
  }),
  "POST /onsale/entry/voucher": () => ({ method: "POST", path: "/onsale/entry/voucher", body: { quantity: 1 } }),
  "POST /onsale/bindings/nonce": () => ({
    method: "POST",
    path: "/onsale/bindings/nonce",
    body: { contract: A, tokenId: "1" },
  }),
  // The holder's SIWE signature is the credential (a junk one here).
  "POST /onsale/bindings": () => ({
    method: "POST",
    path: "/onsale/bindings",
    body: { message: "not a SIWE message", signature: "0x00", idNumber: "AB12345" },
  }),
};

beforeAll(async () => {
  // Rates high enough that no probe is refused for speed: this test is about who, not how much.
  t = await createTestApp({ ipRatePerSecond: 100_000, scanRatePerSecond: 100_000, trustedProxyHops: 1 });
  const g = gateFixture(t);
  const org = t.chain.organizer;
  const [revoked, otherOrg] = [t.chain.wallets[6]!, t.chain.wallets[5]!];
  A = await g.createTieredEvent("Matrix Night");
  await g.mintTier(A, 0, [t.chain.alice.account!.address]); // ticket #1 is the fan's
  await g.grantGateRole(A, t.chain.carol.account!.address);
  await g.grantGateRole(A, revoked.account!.address);
  const created = await mined(
    await otherOrg.writeContract({
      address: t.chain.factory,
      abi: ticketFactoryAbi,
      functionName: "createEvent",
      args: ["Elsewhere", "ELS", 2_000_000_000n],
      account: otherOrg.account!,
      chain: otherOrg.chain,
    }),
  );
  B = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: created.logs })[0]!.args.ticket;
  await t.sync.syncToHead();

  tokens.organizer = await g.gateToken(org, A, "organizer");
  tokens.otherOrganizer = await g.gateToken(otherOrg, B, "organizer");
  tokens.walletStaff = await g.gateToken(t.chain.carol, A);
  tokens.revokedStaff = await g.gateToken(revoked, A);
  await mined(
    await org.writeContract({
      address: A,
      abi: eventTicketAbi,
      functionName: "revokeRole",
      args: [keccak256(toHex("GATE_ROLE")), revoked.account!.address],
      account: org.account!,
      chain: org.chain,
    }),
  );
  await t.sync.syncToHead();
  device = await g.newDevice();
  const invite = await t.post(
    "/gate/invites",
    { gateId: "east-1", zone: 1 },
    { authorization: `Bearer ${tokens.organizer}` },
  );
  const redeemed = await t.post("/gate/session/invite", { code: invite.body.code, devicePublicKey: device.publicKey });
  if (redeemed.status !== 200) throw new Error(`invite redemption: ${JSON.stringify(redeemed.body)}`);
  tokens.inviteStaff = redeemed.body.token as string;
  tokens.fan = await fanSession(t.chain.alice);
  tokens.otherFan = await fanSession(t.chain.bob);

  api = createApi({
    db: t.database.db,
    syncStatus: t.sync.status,
    gate: t.gate,
    corsOrigins: [],
    log: () => {},
    changes: t.changes,
    now: t.clock.now,
    onsale: {
      db: t.database.db,
      client: t.chain.publicClient,
      chainId: t.chain.chainId,
      siweDomains: ["localhost:3000"],
      signer: nodeAccountVoucherSigner(t.chain.publicClient, org.account!.address),
      identity: createDevIdentityProvider("matrix-pepper-0123456789"),
      now: t.clock.now,
    },
  });
  expect((await send("organizer", PROBES["PUT /seats/venue"]!("organizer") as Probe)).status).toBe(200);
  expect((await send("organizer", await signedContentProbe("organizer"))).status).toBe(200);
  const sale = await send("organizer", {
    method: "POST",
    path: "/onsale/sales",
    body: {
      id: SALE,
      contract: A,
      tier: 2,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      admitPerSecond: 5,
      maxPerIdentity: 1,
    },
  });
  expect(sale.status, sale.text).toBe(201);
}, 120_000);
afterAll(() => t?.close());

/** Every concrete route the app registers (middleware and the catch-all left out). */
function registered(): string[] {
  const keys = api.routes
    .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

describe("authorization matrix", { timeout: 180_000 }, () => {
  it("has an entry and a probe for every route the app registers", () => {
    const missing = registered().filter((k) => !AUTHORIZATION_MATRIX[k]);
    expect(missing, "add these routes to indexer/api/authorization-matrix.ts (and a probe to this test)").toEqual([]);
    expect(registered().filter((k) => !PROBES[k])).toEqual([]);
    expect(registered().length).toBeGreaterThanOrEqual(50);
  });

  it("answers every route × caller with the status the matrix expects", async () => {
    const wrong: string[] = [];
    for (const route of registered()) {
      const row = AUTHORIZATION_MATRIX[route];
      const probe = PROBES[route];
      if (!row || !probe) continue;
      for (const caller of CALLERS) {
        const res = await send(caller, await probe(caller));
        if (res.status !== row[caller])
          wrong.push(`${route} as ${caller}: expected ${row[caller]}, got ${res.status} ${res.text.slice(0, 160)}`);
        expect(res.status, `${route} as ${caller}`).toBeLessThan(500);
      }
    }
    expect(wrong).toEqual([]);
  });
});
