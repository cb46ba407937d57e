import { bytesToHex, getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityCommitment } from "../../../lib/identity/identity-commitment";
import {
  decodePass,
  encodePass,
  flipS,
  fromBase64Url,
  signDelegationProof,
  slotAt,
  toBase64Url,
} from "../../../lib/pass";
import { gateFixture, TIER, ZONE } from "../../testing/gate-fixture";
import { createTestApp, type TestApp } from "../../testing/test-app";

const PEPPER = "test-pepper-0123456789";

describe("gate pass mode", { timeout: 120_000 }, () => {
  let t: TestApp;
  let g: ReturnType<typeof gateFixture>;
  let event: Address;
  let other: Address;
  let alice: Address;
  let carol: Address;
  let gate: string; // bob's scanner session at north-1, zone general
  let device: Awaited<ReturnType<typeof g.newDevice>>;
  let next = 1n; // alice's tickets #1..#8 are general, used one per test
  const ticket = () => next++;

  beforeAll(async () => {
    t = await createTestApp({ identityPepper: PEPPER, scanRatePerSecond: 1_000 });
    g = gateFixture(t);
    alice = getAddress(t.chain.alice.account!.address);
    carol = getAddress(t.chain.carol.account!.address);
    event = await g.createTieredEvent("Pass Night");
    other = await g.createTieredEvent("Other Night");
    await g.mintTier(event, TIER.general, Array(8).fill(alice)); // #1..#8
    await g.mintTier(event, TIER.vip, [alice]); // #9
    await g.mintTier(other, TIER.general, [alice]);
    await g.grantGateRole(event, t.chain.bob.account!.address);
    await g.grantGateRole(other, t.chain.bob.account!.address);
    await t.sync.syncToHead();
    gate = await g.gateToken(t.chain.bob, event);
    const d = await g.delegate(t.chain.alice, event);
    expect(d.res).toMatchObject({
      status: 200,
      body: { contract: event, holder: alice, keyId: bytesToHex(d.device.keyId).slice(2) },
    });
    device = d.device;
  });
  afterAll(() => t.close());

  it("admits a live pass once; a second scan is ALREADY_CHECKED_IN", async () => {
    const id = ticket();
    const first = await g.passScan(gate, { pass: await g.pass(device, event, id) });
    expect(first).toMatchObject({
      status: 200,
      verdict: { result: "ADMIT", contract: event, tokenId: String(id), holder: alice, gateId: "north-1" },
    });
    const again = await g.passScan(gate, { pass: await g.pass(device, event, id) });
    expect(again.verdict).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
  });

  it("MALFORMED: garbage, truncated or padded passes; a bad body is 400", async () => {
    const good = fromBase64Url(await g.pass(device, event, 1n));
    for (const pass of ["hello", "!!", toBase64Url(good.subarray(0, 50)), toBase64Url(new Uint8Array([...good, 7]))]) {
      expect((await g.passScan(gate, { pass })).verdict, pass).toMatchObject({ result: "DENY", reason: "MALFORMED" });
    }
    expect(await g.passScan(gate, { nope: 1 })).toMatchObject({ status: 400, verdict: { reason: "MALFORMED" } });
  });

  it("WRONG_VERSION: a pass of another format version", async () => {
    const bytes = fromBase64Url(await g.pass(device, event, 1n));
    bytes[0] = 2;
    expect((await g.passScan(gate, { pass: toBase64Url(bytes) })).verdict).toMatchObject({ reason: "WRONG_VERSION" });
  });

  it("WRONG_CHAIN and WRONG_EVENT", async () => {
    expect((await g.passScan(gate, { pass: await g.pass(device, event, 1n, undefined, 1) })).verdict).toMatchObject({
      reason: "WRONG_CHAIN",
    });
    expect((await g.passScan(gate, { pass: await g.pass(device, other, 1n) })).verdict).toMatchObject({
      reason: "WRONG_EVENT",
      contract: other,
    });
  });

  it("SLOT_EXPIRED: a screenshot replayed after its slot; SLOT_IN_FUTURE beyond the skew", async () => {
    const id = ticket();
    // The slots below are counted from "now": a slow machine must not let the gate's clock cross a boundary meanwhile.
    t.clock.freeze();
    try {
      const shot = await g.pass(device, event, id);
      t.clock.advance(25_000); // two and a half slots later
      try {
        expect((await g.passScan(gate, { pass: shot })).verdict).toMatchObject({
          reason: "SLOT_EXPIRED",
          tokenId: String(id),
        });
      } finally {
        t.clock.advance(-25_000);
      }
      const ahead = slotAt(t.clock.now().getTime()) + 2;
      expect((await g.passScan(gate, { pass: await g.pass(device, event, id, ahead) })).verdict).toMatchObject({
        reason: "SLOT_IN_FUTURE",
      });
      // One slot of skew either side is fine.
      const behind = slotAt(t.clock.now().getTime()) - 1;
      expect((await g.passScan(gate, { pass: await g.pass(device, event, id, behind) })).verdict).toMatchObject({
        result: "ADMIT",
      });
    } finally {
      t.clock.thaw();
    }
  });

  it("NO_DELEGATION: a device key nobody delegated", async () => {
    const stranger = await g.newDevice();
    expect((await g.passScan(gate, { pass: await g.pass(stranger, event, ticket()) })).verdict).toMatchObject({
      reason: "NO_DELEGATION",
    });
  });

  it("BAD_SIGNATURE: a QR forwarded to another phone, a flipped bit, the high-s twin (malleability)", async () => {
    const id = ticket();
    // Another phone copies the key id but has to sign with its own key.
    const thief = await g.newDevice();
    const forwarded = await g.pass({ ...thief, keyId: device.keyId }, event, id);
    expect((await g.passScan(gate, { pass: forwarded })).verdict).toMatchObject({ reason: "BAD_SIGNATURE" });

    const real = decodePass(await g.pass(device, event, id));
    const flipped = real.signature.slice();
    flipped[10]! ^= 1;
    expect((await g.passScan(gate, { pass: encodePass(real, flipped) })).verdict).toMatchObject({
      reason: "BAD_SIGNATURE",
    });
    // (r, n − s) verifies mathematically; the gate refuses the non-canonical form.
    expect((await g.passScan(gate, { pass: encodePass(real, flipS(real.signature)) })).verdict).toMatchObject({
      reason: "BAD_SIGNATURE",
    });
    // Another ticket number under the same signature.
    expect(
      (await g.passScan(gate, { pass: encodePass({ ...real, tokenId: id + 1n }, real.signature) })).verdict,
    ).toMatchObject({ reason: "BAD_SIGNATURE" });
    // The genuine pass still works.
    expect((await g.passScan(gate, { pass: encodePass(real, real.signature) })).verdict).toMatchObject({
      result: "ADMIT",
    });
  });

  it("DELEGATION_EXPIRED: the phone's delegation ran out", async () => {
    const short = await g.delegate(t.chain.alice, event, undefined, (r) => ({
      ...r,
      expiresAt: new Date(Date.parse(r.issuedAt) + 60_000).toISOString(),
    }));
    expect(short.res.status).toBe(200);
    t.clock.advance(61_000);
    try {
      expect((await g.passScan(gate, { pass: await g.pass(short.device, event, ticket()) })).verdict).toMatchObject({
        reason: "DELEGATION_EXPIRED",
      });
    } finally {
      t.clock.advance(-61_000);
    }
  });

  it("UNKNOWN_TOKEN: a ticket that was never minted", async () => {
    expect((await g.passScan(gate, { pass: await g.pass(device, event, 999n) })).verdict).toMatchObject({
      reason: "UNKNOWN_TOKEN",
    });
  });

  it("NOT_OWNER: the ticket was sold after the delegation; NO_DELEGATION after it came back", async () => {
    const id = ticket();
    await t.chain.transfer(event, t.chain.alice, carol, id);
    await t.sync.syncToHead();
    expect((await g.passScan(gate, { pass: await g.pass(device, event, id) })).verdict).toMatchObject({
      reason: "NOT_OWNER",
    });
    // Carol gives it back: alice owns it again, but her old delegation predates the move.
    await t.chain.transfer(event, t.chain.carol, alice, id);
    await t.sync.syncToHead();
    expect((await g.passScan(gate, { pass: await g.pass(device, event, id) })).verdict).toMatchObject({
      reason: "NO_DELEGATION",
    });
    // A fresh delegation works.
    const again = await g.delegate(t.chain.alice, event);
    expect((await g.passScan(gate, { pass: await g.pass(again.device, event, id) })).verdict).toMatchObject({
      result: "ADMIT",
    });
  });

  it("ZONE_NOT_ALLOWED: a general ticket at the VIP gate; a VIP ticket gets in", async () => {
    const vipGate = await g.gateToken(t.chain.bob, event, "vip-1", ZONE.vip);
    expect((await g.passScan(vipGate, { pass: await g.pass(device, event, ticket()) })).verdict).toMatchObject({
      reason: "ZONE_NOT_ALLOWED",
    });
    expect((await g.passScan(vipGate, { pass: await g.pass(device, event, 9n) })).verdict).toMatchObject({
      result: "ADMIT",
      gateId: "vip-1",
    });
  });

  it("IDENTITY_REQUIRED and IDENTITY_MISMATCH on a named ticket; the right ID admits", async () => {
    const named = await g.claimNamed(event, t.chain.alice, identityCommitment(PEPPER, "X1234567"));
    await t.sync.syncToHead();
    const scan = async (idNumber?: string) =>
      (await g.passScan(gate, { pass: await g.pass(device, event, named), idNumber })).verdict;
    expect(await scan()).toMatchObject({ reason: "IDENTITY_REQUIRED" });
    const mismatch = await scan("X7654321");
    expect(mismatch).toMatchObject({ reason: "IDENTITY_MISMATCH" });
    expect(JSON.stringify(mismatch)).not.toContain("X7654321"); // the ID never comes back
    expect(await scan("x 123-4567")).toMatchObject({ result: "ADMIT" });
  });

  it("CANCELLED: no one gets in to a cancelled event", async () => {
    const doomed = await g.createTieredEvent("Doomed");
    await g.mintTier(doomed, TIER.general, [alice]);
    await g.grantGateRole(doomed, t.chain.bob.account!.address);
    await t.sync.syncToHead();
    const d = await g.delegate(t.chain.alice, doomed);
    await g.cancelEvent(doomed);
    // Facts come from the mirror (fresh within the bound): the indexer sees the cancellation first.
    await t.sync.syncToHead();
    const token = await g.gateToken(t.chain.bob, doomed);
    expect((await g.passScan(token, { pass: await g.pass(d.device, doomed, 1n) })).verdict).toMatchObject({
      reason: "CANCELLED",
    });
  });

  it("GATE_UNAUTHORIZED without a session or with a made-up one; a wallet without GATE_ROLE cannot sign in", async () => {
    const pass = await g.pass(device, event, 1n);
    expect(await g.passScan(undefined, { pass })).toMatchObject({
      status: 401,
      verdict: { reason: "GATE_UNAUTHORIZED" },
    });
    expect(await g.passScan("A".repeat(43), { pass })).toMatchObject({
      status: 401,
      verdict: { reason: "GATE_UNAUTHORIZED" },
    });
    const denied = await g.signIn(t.chain.carol, event);
    expect(denied).toMatchObject({ status: 401, body: { error: { code: "GATE_UNAUTHORIZED" } } });
  });

  it("RATE_LIMITED: one device cannot flood the gate", async () => {
    const limited = await createTestApp({ scanRatePerSecond: 2 });
    try {
      const lg = gateFixture(limited);
      const ev = await lg.createTieredEvent("Limited");
      await limited.sync.syncToHead();
      const token = await lg.gateToken(limited.chain.organizer, ev); // the organizer (admin) may scan too
      const codes = [];
      for (let i = 0; i < 8; i++) codes.push((await lg.passScan(token, { pass: "garbage" })).status);
      expect(codes.slice(0, 4)).toEqual([200, 200, 200, 200]); // burst of 2 × 2/s
      expect(codes).toContain(429);
    } finally {
      await limited.close();
    }
  });

  it("DEVICE_PROOF_INVALID: a pass key learned from anywhere cannot be re-delegated to another wallet", async () => {
    // Carol knows Alice's device public key (every offline snapshot lists delegated keys) but not its private half.
    const stolen = { ...device, keys: (await g.newDevice()).keys };
    const withoutProof = await g.delegate(t.chain.carol, event, stolen, undefined, async () => undefined);
    expect(withoutProof.res).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
    const ownKeyProof = await g.delegate(t.chain.carol, event, stolen); // signed by Carol's key, not the named one
    expect(ownKeyProof.res).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
    // Alice's own proof signs Alice's message; it does not carry over to Carol's.
    const alicesProof = await g.delegate(t.chain.alice, event, stolen, undefined, async (message) =>
      signDelegationProof(device.keys.privateKey, message),
    );
    const replayed = await g.delegate(t.chain.carol, event, stolen, undefined, async () => alicesProof.deviceSignature);
    expect(replayed.res).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
    const junk = await g.delegate(t.chain.carol, event, stolen, undefined, async () => "!!not base64url!!");
    expect(junk.res).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
    // A high-s twin of a valid proof is refused too (one encoding per signature).
    const twin = await g.delegate(t.chain.alice, event, device, undefined, async (message) =>
      toBase64Url(flipS(fromBase64Url(await signDelegationProof(device.keys.privateKey, message)))),
    );
    expect(twin.res).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
    // Alice's pass still admits her.
    expect((await g.passScan(gate, { pass: await g.pass(device, event, ticket()) })).verdict).toMatchObject({
      result: "ADMIT",
      holder: alice,
    });
  });

  it("refuses delegations made for another event, domain or chain, and replayed delegations", async () => {
    const wrongEvent = await g.delegate(t.chain.alice, event, undefined, (r) => ({ ...r, contract: other }));
    expect(wrongEvent.res).toMatchObject({ status: 400, body: { error: { code: "WRONG_EVENT" } } });
    const wrongDomain = await g.delegate(t.chain.alice, event, undefined, (r) => ({
      ...r,
      domain: "evil.example",
      uri: "http://evil.example",
    }));
    expect(wrongDomain.res).toMatchObject({ status: 400, body: { error: { code: "WRONG_DOMAIN" } } });
    const tooLong = await g.delegate(t.chain.alice, event, undefined, (r) => ({
      ...r,
      expiresAt: new Date(Date.parse(r.expiresAt) + 1000).toISOString(),
    }));
    expect(tooLong.res).toMatchObject({ status: 400, body: { error: { code: "CHALLENGE_EXPIRED" } } });
    const ok = await g.delegate(t.chain.alice, event);
    expect(ok.res.status).toBe(200);
    const replay = await t.post("/pass/delegations", {
      message: ok.message,
      signature: ok.signature,
      deviceSignature: ok.deviceSignature,
    });
    expect(replay).toMatchObject({ status: 409, body: { error: { code: "CHALLENGE_USED" } } });
    const forged = await t.post("/pass/delegations", {
      message: ok.message.replace("until", "till"),
      signature: ok.signature,
    });
    expect(forged.body).toMatchObject({ error: { code: expect.stringMatching(/BAD_SIGNATURE|CHALLENGE_USED/) } });
    // A delegation of another event's key does not open this event.
    const elsewhere = await g.delegate(t.chain.alice, other);
    expect((await g.passScan(gate, { pass: await g.pass(elsewhere.device, event, ticket()) })).verdict).toMatchObject({
      reason: "NO_DELEGATION",
    });
  });
});
