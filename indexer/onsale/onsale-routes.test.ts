/**
 * The waiting room end to end over its HTTP routes, against a real in-process chain: join before
 * the on-sale time, lottery draw, admission, SIWE sign-in, one voucher per admission that the
 * contract redeems exactly once, identity caps across wallets, proof of work and rate limits.
 */
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseError, ContractFunctionRevertedError, getAddress, type Address, type WalletClient } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { solvePow } from "../../lib/onsale/pow";
import { createOnsaleFixture } from "../testing/onsale-fixture";
import { eq } from "drizzle-orm";
import { onsaleSales } from "../db/schema";
import { onsaleRoutes } from "./onsale-routes";
import { apiErrorHandler } from "../api/on-error";
import { withApiErrors } from "../testing/with-api-errors";
import { admitTick } from "./queue/admit-tick";
import { PRODUCTION_SALE_DEFAULTS, saleDefaultsFor } from "./sales/sale-defaults";

let f: Awaited<ReturnType<typeof createOnsaleFixture>>;
let contract: Address;
let saleNo = 0;

beforeAll(async () => {
  f = await createOnsaleFixture();
  contract = await f.createEvent({ supply: 50, cap: 2 });
});
afterAll(async () => {
  await f.database.close();
});

async function openSale(extra: Record<string, unknown> = {}) {
  const id = `sale-${++saleNo}`;
  const opensAt = new Date(f.clock.now().getTime() + 60_000).toISOString();
  await f.createSale({ id, contract, tier: 0, opensAt, admitPerSecond: 10, maxPerIdentity: 2, ...extra });
  return id;
}

/** Moves past the on-sale time and admits everyone queued so far. */
async function openAndAdmitAll(id: string) {
  f.clock.advance(61_000);
  for (let i = 0; i < 20; i++) {
    await admitTick(f.deps.db, id, f.clock.now());
    f.clock.advance(1_000);
  }
}

function revertName(err: unknown): string | undefined {
  const revert = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
  return revert instanceof ContractFunctionRevertedError ? revert.data?.errorName : undefined;
}

describe("waiting room flow", () => {
  it("joins early, draws, admits, signs in with SIWE and redeems one voucher exactly once", async () => {
    const id = await openSale({ identityRequired: true });
    const fan = f.chain.alice as WalletClient;
    const { token, status } = await f.join(id);
    expect(status).toMatchObject({ state: "early", position: null, ahead: null });

    // Not admitted yet: clear refusal.
    const early = await f.request("POST", "/entry/sign-in/nonce", {}, f.auth(token));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("NOT_ADMITTED");

    await openAndAdmitAll(id);
    const admitted = await f.request("GET", "/entry", undefined, f.auth(token));
    expect(admitted.body).toMatchObject({ state: "admitted", position: 1, ahead: 0 });

    const voucherBeforeSignIn = await f.request(
      "POST",
      "/entry/voucher",
      { quantity: 2, idNumber: "X1234567" },
      f.auth(token),
    );
    expect(voucherBeforeSignIn.body.error.code).toBe("NOT_SIGNED_IN");

    const signedIn = await f.signIn(token, fan);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.wallet).toBe(getAddress(fan.account!.address));

    const noId = await f.request("POST", "/entry/voucher", { quantity: 2 }, f.auth(token));
    expect(noId.body.error.code).toBe("IDENTITY_REQUIRED");
    const tooMany = await f.request("POST", "/entry/voucher", { quantity: 3, idNumber: "X1234567" }, f.auth(token));
    expect(tooMany.body.error.code).toBe("QUANTITY_INVALID");

    const issued = await f.request("POST", "/entry/voucher", { quantity: 2, idNumber: "x 123-4567" }, f.auth(token));
    expect(issued.status).toBe(200);
    expect(issued.body.voucher).toMatchObject({ to: getAddress(fan.account!.address), quantity: 2, tier: 0 });
    // A retry (lost response) gets the very same voucher, not a second one.
    const again = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "X1234567" }, f.auth(token));
    expect(again.body).toEqual(issued.body);

    const receipt = await f.claim(fan, issued.body);
    expect(receipt.status).toBe("success");
    const balance = await f.chain.publicClient.readContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "balanceOf",
      args: [fan.account!.address],
    });
    expect(balance).toBe(2n);
    await expect(f.claim(fan, issued.body)).rejects.toSatisfy((e) => revertName(e) === "EventTicketVoucherUsed");

    const after = await f.request("GET", "/entry", undefined, f.auth(token));
    expect(after.body.state).toBe("voucher");
  });

  it("keeps one identity within the cap across wallets, and one wallet to one queue place", async () => {
    const id = await openSale({ identityRequired: true });
    const a = await f.join(id, "10.0.0.2");
    const b = await f.join(id, "10.0.0.3");
    const c = await f.join(id, "10.0.0.4");
    await openAndAdmitAll(id);
    expect((await f.signIn(a.token, f.chain.bob as WalletClient)).status).toBe(200);
    expect((await f.signIn(b.token, f.chain.carol as WalletClient)).status).toBe(200);
    const sameWallet = await f.signIn(c.token, f.chain.bob as WalletClient);
    expect(sameWallet.body.error.code).toBe("WALLET_IN_USE");

    const first = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "HOARD0001" }, f.auth(a.token));
    expect(first.status).toBe(200);
    const dup = await f.request("POST", "/entry/voucher", { quantity: 2, idNumber: "hoard-0001" }, f.auth(b.token));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("IDENTITY_CAP_REACHED");
    // The refusal names no wallet: a guessed ID number must not reveal who used it.
    expect(dup.body.error.message).not.toMatch(/0x[0-9a-fA-F]{40}/);
    expect(dup.body.error.message.toLowerCase()).not.toContain(f.chain.bob.account!.address.toLowerCase());
    // The refused request left nothing behind: the same entry may still use its own identity.
    const own = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "HOARD0001" }, f.auth(b.token));
    expect(own.status).toBe(200); // 1 + 1 = cap 2
    const bad = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "!!" }, f.auth(c.token));
    expect(bad.body.error.code).toBe("NOT_SIGNED_IN");
  });

  it("ends the admission when the identity provider rejects the person, returning its held stock", async () => {
    const id = await openSale({ identityRequired: true });
    const { token } = await f.join(id, "10.0.0.9");
    await openAndAdmitAll(id);
    const heldBefore = (await f.deps.db.select().from(onsaleSales).where(eq(onsaleSales.id, id)))[0]!.held;
    expect(heldBefore).toBe(2);
    expect((await f.signIn(token, f.chain.carol as WalletClient)).status).toBe(200);
    const dev = f.deps.identity;
    f.deps.identity = {
      name: "kyc-says-no",
      verify: async () => ({ ok: false, code: "IDENTITY_REJECTED", message: "the face does not match the document" }),
    };
    try {
      const rejected = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "LENT0001" }, f.auth(token));
      expect(rejected.body.error).toMatchObject({ code: "IDENTITY_REJECTED" });
      expect(rejected.body.error.message).toContain("face does not match");
    } finally {
      f.deps.identity = dev;
    }
    expect((await f.deps.db.select().from(onsaleSales).where(eq(onsaleSales.id, id)))[0]!.held).toBe(0);
    const retry = await f.request("POST", "/entry/voucher", { quantity: 1, idNumber: "OWN000001" }, f.auth(token));
    expect(retry.body.error.code).toBe("ADMISSION_EXPIRED");
  });

  it("refuses a forged or replayed sign-in", async () => {
    const id = await openSale();
    const { token } = await f.join(id, "10.0.0.5");
    await openAndAdmitAll(id);
    const nonce = await f.request("POST", "/entry/sign-in/nonce", {}, f.auth(token));
    const { buildOnsaleSignInMessage } = await import("../../lib/onsale/sign-in-message");
    const message = buildOnsaleSignInMessage(nonce.body, f.chain.alice.account!.address);
    const forged = await f.chain.bob.signMessage({ account: f.chain.bob.account!, message });
    const res = await f.request("POST", "/entry/sign-in", { message, signature: forged }, f.auth(token));
    expect(res.body.error.code).toBe("BAD_SIGNATURE");
    const garbage = await f.request("POST", "/entry/sign-in", { message: "hello", signature: "0x00" }, f.auth(token));
    expect(garbage.body.error.code).toBe("MALFORMED");
    const good = await f.chain.alice.signMessage({ account: f.chain.alice.account!, message });
    expect((await f.request("POST", "/entry/sign-in", { message, signature: good }, f.auth(token))).status).toBe(200);
    const replay = await f.request("POST", "/entry/sign-in", { message, signature: good }, f.auth(token));
    expect(replay.body.error.code).toBe("NONCE_INVALID");
    const noToken = await f.request("GET", "/entry");
    expect(noToken.status).toBe(401);
  });

  it("refuses a sign-in whose Not Before has not come yet, through the one SIWE path", async () => {
    const id = await openSale();
    const { token } = await f.join(id, "10.0.0.6");
    await openAndAdmitAll(id);
    const ch = (await f.request("POST", "/entry/sign-in/nonce", {}, f.auth(token))).body;
    const { createSiweMessage } = await import("viem/siwe");
    const wallet = f.chain.alice;
    const sign = (message: string) => wallet.signMessage({ account: wallet.account!, message });
    const fields = {
      domain: ch.domain,
      address: wallet.account!.address,
      uri: ch.uri,
      version: "1" as const,
      chainId: ch.chainId,
      nonce: ch.nonce,
      issuedAt: new Date(ch.issuedAt),
      expirationTime: new Date(ch.expiresAt),
    };
    const early = createSiweMessage({ ...fields, notBefore: new Date(f.clock.now().getTime() + 120_000) });
    const refused = await f.request(
      "POST",
      "/entry/sign-in",
      { message: early, signature: await sign(early) },
      f.auth(token),
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("NONCE_INVALID");
    expect(refused.body.error.message).toMatch(/not valid before/);
    // Nor may it outlive the nonce.
    const long = createSiweMessage({ ...fields, expirationTime: new Date(f.clock.now().getTime() + 3_600_000) });
    expect(
      (await f.request("POST", "/entry/sign-in", { message: long, signature: await sign(long) }, f.auth(token))).body
        .error.code,
    ).toBe("NONCE_INVALID");
    // The refusals spent nothing: the same nonce, signed plainly, still signs in.
    const plain = createSiweMessage(fields);
    expect(
      (await f.request("POST", "/entry/sign-in", { message: plain, signature: await sign(plain) }, f.auth(token)))
        .status,
    ).toBe(200);
  });

  it("requires a proof of work when the sale asks for one, and spends each once", async () => {
    const id = await openSale({ powBits: 10 });
    const missing = await f.request("POST", `/sales/${id}/join`, {}, { "x-forwarded-for": "10.1.0.1" });
    expect(missing.body.error.code).toBe("POW_REQUIRED");
    const ch = await f.request("POST", `/sales/${id}/pow`, {}, { "x-forwarded-for": "10.1.0.1" });
    expect(ch.body.bits).toBe(10);
    // A nonce that fails the difficulty is refused...
    let wrong = 0;
    const { checkPow } = await import("../../lib/onsale/pow");
    while (checkPow(ch.body.challenge, String(wrong), 10)) wrong++;
    const bad = await f.request(
      "POST",
      `/sales/${id}/join`,
      { pow: { challenge: ch.body.challenge, nonce: String(wrong) } },
      { "x-forwarded-for": "10.1.0.1" },
    );
    expect(bad.body.error.code).toBe("POW_INVALID");
    // ...a solved one joins once, and cannot be replayed.
    const nonce = solvePow(ch.body.challenge, 10);
    expect((await f.join(id, "10.1.0.1", { challenge: ch.body.challenge, nonce })).status.state).toBe("early");
    const replay = await f.request(
      "POST",
      `/sales/${id}/join`,
      { pow: { challenge: ch.body.challenge, nonce } },
      { "x-forwarded-for": "10.1.0.2" },
    );
    expect(replay.body.error.code).toBe("POW_INVALID");
  });

  it("rate-limits joins per IP and requests per wallet with a clear 429", async () => {
    const id = await openSale({ ipJoinsPerMinute: 8, walletRequestsPerMinute: 4 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await f.request("POST", `/sales/${id}/join`, {}, { "x-forwarded-for": "10.2.0.1" })).status);
    expect(codes).toEqual([201, 201, 429, 429, 429]); // burst = a quarter minute's worth
    const other = await f.request("POST", `/sales/${id}/join`, {}, { "x-forwarded-for": "10.2.0.2" });
    expect(other.status).toBe(201);
    const limited = await f.request("POST", `/sales/${id}/join`, {}, { "x-forwarded-for": "10.2.0.1" });
    expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(limited.body.error.message).toMatch(/at most 8 joins per minute/);

    await openAndAdmitAll(id);
    const token = other.body.token as string;
    const wallet = f.chain.alice as WalletClient;
    const results: number[] = [];
    const { buildOnsaleSignInMessage } = await import("../../lib/onsale/sign-in-message");
    for (let i = 0; i < 3; i++) {
      const nonce = await f.request("POST", "/entry/sign-in/nonce", {}, f.auth(token));
      const message = buildOnsaleSignInMessage(nonce.body, wallet.account!.address);
      results.push((await f.request("POST", "/entry/sign-in", { message, signature: "0x1234" }, f.auth(token))).status);
    }
    expect(results).toEqual([401, 429, 429]); // burst of 1 per wallet, then refused before any signature work
  });

  it("counts the address the trusted proxy saw, not the hops the client wrote before it (TRUSTED_PROXY_HOPS=1)", async () => {
    const id = await openSale({ ipJoinsPerMinute: 2 });
    const codes: number[] = [];
    // One client, fifty made-up first hops; the proxy appends the address it really saw.
    for (let i = 0; i < 50; i++)
      codes.push(
        (await f.request("POST", `/sales/${id}/join`, {}, { "x-forwarded-for": `10.9.${i}.1, 203.0.113.50` })).status,
      );
    expect(codes.filter((s) => s === 201)).toHaveLength(1); // burst of a 2/minute limit
    expect(codes.filter((s) => s === 429)).toHaveLength(49);
  });

  it("streams live position and state over SSE", async () => {
    const id = await openSale({ admitPerSecond: 1 });
    f.clock.advance(61_000);
    const first = await f.join(id, "10.3.0.1");
    const second = await f.join(id, "10.3.0.2");
    expect(second.status).toMatchObject({ state: "waiting", position: 2, ahead: 1, estimatedWaitSeconds: 1 });
    const res = await f.app.request(`/onsale/entry/stream?token=${second.token}`);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const events: any[] = [];
    let buf = "";
    const read = async () => {
      const { value, done } = await reader.read();
      if (done) return false;
      buf += new TextDecoder().decode(value);
      for (const block of buf.split("\n\n").slice(0, -1)) {
        const data = block.split("\n").find((l) => l.startsWith("data:"));
        if (data) events.push(JSON.parse(data.slice(5)));
      }
      buf = buf.split("\n\n").at(-1)!;
      return true;
    };
    await read();
    expect(events.at(-1)).toMatchObject({ state: "waiting", ahead: 1 });
    f.clock.advance(1_000);
    await admitTick(f.deps.db, id, f.clock.now()); // admits position 1
    for (let i = 0; i < 20 && events.at(-1).ahead !== 0; i++) await read();
    expect(events.at(-1)).toMatchObject({ state: "waiting", ahead: 0 });
    f.clock.advance(1_000);
    await admitTick(f.deps.db, id, f.clock.now());
    for (let i = 0; i < 20 && events.at(-1).state !== "admitted"; i++) await read();
    expect(events.at(-1)).toMatchObject({ state: "admitted", position: 2 });
    await reader.cancel();
    expect(first.status.position).toBe(1);
  });

  it("caps the entry streams one client holds open (429 TOO_MANY_STREAMS) while another client still connects", async () => {
    const id = await openSale();
    const app = new Hono()
      .route("/onsale", onsaleRoutes(f.deps, { pollMs: 50, maxMs: 60_000, limits: { perClient: 2, global: 100 } }))
      .onError(apiErrorHandler(() => {}));
    const token = (await f.join(id, "10.3.0.1")).token;
    const open = (client: string) =>
      app.request(`/onsale/entry/stream?token=${token}`, { headers: { "x-forwarded-for": client } });
    const held = [await open("10.3.0.1"), await open("10.3.0.1")];
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    const refused = await open("10.3.0.1");
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("TOO_MANY_STREAMS");
    const other = await open("10.3.0.2");
    expect(other.status).toBe(200);
    for (const r of [...held, other]) await r.body?.cancel();
  });

  it("refuses a sale whose contract trusts another voucher signer", async () => {
    const res = await f.request(
      "POST",
      "/sales",
      {
        id: "wrong-signer",
        contract: f.chain.factory,
        tier: 0,
        opensAt: new Date().toISOString(),
        admitPerSecond: 1,
        maxPerIdentity: 2,
      },
      f.auth("admin-token-0123456789"),
    );
    expect(res.status).toBe(400);
    const noAdmin = await f.request("POST", "/sales", { id: "x" });
    expect(noAdmin.body.error.code).toBe("UNAUTHORIZED");
  });

  it("gives a sale that sets no bot friction the service's defaults: all off locally, on away from the local chain", async () => {
    const opensAt = new Date(f.clock.now().getTime() + 60_000).toISOString();
    const local = await f.createSale({
      id: "defaults-local",
      contract,
      tier: 0,
      opensAt,
      admitPerSecond: 5,
      maxPerIdentity: 2,
    });
    expect(local).toMatchObject({ powBits: 0, ipJoinsPerMinute: 0, walletRequestsPerMinute: 0 });
    const production = withApiErrors(onsaleRoutes({ ...f.deps, saleDefaults: saleDefaultsFor(10) }));
    const post = async (body: Record<string, unknown>) => {
      const res = await production.request("/sales", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer admin-token-0123456789" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const safe = await post({
      id: "defaults-production",
      contract,
      tier: 0,
      opensAt,
      admitPerSecond: 5,
      maxPerIdentity: 2,
    });
    expect(safe).toMatchObject({ status: 201, body: PRODUCTION_SALE_DEFAULTS });
    // An organizer may still choose, per sale.
    const chosen = await post({
      id: "defaults-chosen",
      contract,
      tier: 0,
      opensAt,
      admitPerSecond: 5,
      maxPerIdentity: 2,
      powBits: 0,
      ipJoinsPerMinute: 5,
    });
    expect(chosen.body).toMatchObject({
      powBits: 0,
      ipJoinsPerMinute: 5,
      walletRequestsPerMinute: PRODUCTION_SALE_DEFAULTS.walletRequestsPerMinute,
    });
  });

  it("lets the event's organizer session open a sale for that event only", async () => {
    const ORGANIZER = "Bearer organizer-session-0123456789";
    const routes = withApiErrors(
      onsaleRoutes({ ...f.deps, organizerContract: async (a) => (a === ORGANIZER ? contract : null) }),
    );
    const post = async (body: Record<string, unknown>, authorization: string) => {
      const res = await routes.request("/sales", {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const sale = {
      tier: 0,
      opensAt: new Date(f.clock.now().getTime() + 60_000).toISOString(),
      admitPerSecond: 5,
      maxPerIdentity: 2,
    };
    const own = await post({ ...sale, id: "by-organizer", contract }, ORGANIZER);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ id: "by-organizer", contract });

    const other = await post({ ...sale, id: "other-event", contract: f.chain.factory }, ORGANIZER);
    expect(other).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED" } } });
    expect(other.body.error.message).toContain("not");

    const stranger = await post({ ...sale, id: "by-stranger", contract }, "Bearer someone-else-0123456789");
    expect(stranger).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED" } } });

    const listed = await f.request("GET", `/sales?contract=${contract.toLowerCase()}`);
    expect(listed.body.sales.map((x: { id: string }) => x.id)).toContain("by-organizer");
    expect(listed.body.sales.every((x: { contract: string }) => x.contract === contract)).toBe(true);
    expect((await f.request("GET", "/sales?contract=nope")).status).toBe(400);
    const info = await f.request("GET", "/info");
    expect(info.body).toEqual({
      chainId: f.chain.chainId,
      voucherSigner: getAddress(f.chain.organizer.account!.address),
    });
  });
});
