import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app";

describe("gate challenge mode", { timeout: 60_000 }, () => {
  let t: TestApp;
  let eventA: Address;
  let eventB: Address;
  let alice: Address;
  let bob: Address;

  beforeAll(async () => {
    t = await createTestApp();
    alice = getAddress(t.chain.alice.account!.address);
    bob = getAddress(t.chain.bob.account!.address);
    eventA = await t.chain.createEvent("Fairgate Live");
    eventB = await t.chain.createEvent("Other Show");
    await t.chain.mint(eventA, [alice, alice, bob, alice]); // #1 #2 alice, #3 bob, #4 alice
    await t.chain.mint(eventB, [alice]);
    await t.sync.syncToHead();
  });
  afterAll(() => t.close());

  it("issues a challenge for a known event", async () => {
    const ch = await t.challenge(eventA, "north-1");
    expect(ch.nonce).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(ch).toMatchObject({
      domain: "localhost:3000",
      uri: "http://localhost:3000",
      chainId: t.chain.chainId,
      contract: eventA,
      gateId: "north-1",
    });
    expect(Date.parse(ch.expiresAt) - Date.parse(ch.issuedAt)).toBe(120_000);
  });

  it("admits the holder, then denies a second scan and a replay", async () => {
    const first = await t.answer(await t.challenge(eventA), t.chain.alice, 1n);
    const admit = await t.scan(first);
    expect(admit.status).toBe(200);
    expect(admit.verdict).toMatchObject({
      result: "ADMIT",
      contract: eventA,
      tokenId: "1",
      holder: alice,
      gateId: "north-1",
    });

    const second = await t.scan(await t.answer(await t.challenge(eventA), t.chain.alice, 1n));
    expect(second).toMatchObject({
      status: 200,
      verdict: { result: "DENY", reason: "ALREADY_CHECKED_IN", tokenId: "1" },
    });

    const replay = await t.scan(first);
    expect(replay.verdict).toMatchObject({ result: "DENY", reason: "CHALLENGE_USED" });
  });

  it("denies a nonce it never issued", async () => {
    const ch = await t.challenge(eventA);
    const forged = await t.answer({ ...ch, nonce: "NeverIssuedNonce12345" }, t.chain.alice, 2n);
    expect((await t.scan(forged)).verdict).toMatchObject({ result: "DENY", reason: "UNKNOWN_CHALLENGE" });
  });

  it("denies an expired challenge", async () => {
    const answered = await t.answer(await t.challenge(eventA), t.chain.alice, 2n);
    t.clock.advance(121_000);
    try {
      expect((await t.scan(answered)).verdict).toMatchObject({ result: "DENY", reason: "CHALLENGE_EXPIRED" });
    } finally {
      t.clock.advance(-121_000);
    }
  });

  it("denies a signature made by another account than the message names", async () => {
    const forged = await t.answer(await t.challenge(eventA), t.chain.bob, 2n, alice);
    expect((await t.scan(forged)).verdict).toMatchObject({ result: "DENY", reason: "BAD_SIGNATURE" });
  });

  it("denies a garbage signature", async () => {
    const { message } = await t.answer(await t.challenge(eventA), t.chain.alice, 2n);
    expect((await t.scan({ message, signature: "0x1234" })).verdict).toMatchObject({
      result: "DENY",
      reason: "BAD_SIGNATURE",
    });
  });

  it("denies a signer who does not hold the ticket", async () => {
    const answered = await t.answer(await t.challenge(eventA), t.chain.bob, 2n);
    expect((await t.scan(answered)).verdict).toMatchObject({ result: "DENY", reason: "NOT_OWNER", tokenId: "2" });
  });

  it("denies a ticket that was never minted", async () => {
    const answered = await t.answer(await t.challenge(eventA), t.chain.alice, 999n);
    expect((await t.scan(answered)).verdict).toMatchObject({ result: "DENY", reason: "UNKNOWN_TOKEN" });
  });

  it("denies a ticket of another event", async () => {
    const ch = await t.challenge(eventA);
    // Alice holds eventB #1; the message names it under eventA's challenge.
    const answered = await t.answer({ ...ch, contract: eventB }, t.chain.alice, 1n);
    expect((await t.scan(answered)).verdict).toMatchObject({ result: "DENY", reason: "WRONG_EVENT", contract: eventB });
  });

  it("denies a message made for another domain or chain", async () => {
    const ch = await t.challenge(eventA);
    const otherDomain = await t.answer(
      { ...ch, domain: "evil.example", uri: "http://evil.example" },
      t.chain.alice,
      2n,
    );
    expect((await t.scan(otherDomain)).verdict).toMatchObject({ reason: "WRONG_DOMAIN" });
    const otherChain = await t.answer({ ...ch, chainId: 1 }, t.chain.alice, 2n);
    expect((await t.scan(otherChain)).verdict).toMatchObject({ reason: "WRONG_CHAIN" });
  });

  it("answers garbage with MALFORMED: 200 for a bad message, 400 for a bad body", async () => {
    expect(await t.scan({ message: "hello", signature: "0x1234" })).toMatchObject({
      status: 200,
      verdict: { result: "DENY", reason: "MALFORMED" },
    });
    expect(await t.scan({ message: "x".repeat(5_000), signature: "0x12" })).toMatchObject({
      status: 200,
      verdict: { reason: "MALFORMED" },
    });
    for (const bad of [
      "{not json",
      "null",
      "[]",
      '{"message":1,"signature":"0x00"}',
      '{"message":"m","signature":"nothex"}',
      "",
    ]) {
      const res = await t.scan(bad);
      expect(res, bad).toMatchObject({ status: 400, verdict: { result: "DENY", reason: "MALFORMED" } });
    }
    const huge = await t.scan({ message: "a".repeat(20_000), signature: "0x00" });
    expect(huge).toMatchObject({ status: 413, verdict: { result: "DENY", reason: "MALFORMED" } });
  });

  it("admits exactly one of two concurrent scans of one ticket", async () => {
    const [c1, c2] = await Promise.all([t.challenge(eventA, "north-1"), t.challenge(eventA, "south-2")]);
    const [a1, a2] = await Promise.all([t.answer(c1, t.chain.alice, 4n), t.answer(c2, t.chain.alice, 4n)]);
    const verdicts = (await Promise.all([t.scan(a1), t.scan(a2)])).map((r) => r.verdict);
    expect(verdicts.filter((v) => v.result === "ADMIT")).toHaveLength(1);
    expect(verdicts.filter((v) => v.result === "DENY" && v.reason === "ALREADY_CHECKED_IN")).toHaveLength(1);
  });

  it("follows a transfer: the new holder is admitted, the old one is not", async () => {
    const carol = t.chain.carol.account!.address;
    await t.chain.transfer(eventA, t.chain.bob, carol, 3n);
    await t.sync.syncToHead();
    expect((await t.scan(await t.answer(await t.challenge(eventA), t.chain.bob, 3n))).verdict).toMatchObject({
      reason: "NOT_OWNER",
    });
    expect((await t.scan(await t.answer(await t.challenge(eventA), t.chain.carol, 3n))).verdict).toMatchObject({
      result: "ADMIT",
    });
  });

  it("asks the chain when the mirror is too far behind", async () => {
    // Transfer eventB #1 alice → bob and do not sync: only ownerOf knows.
    await t.chain.transfer(eventB, t.chain.alice, bob, 1n);
    await t.chain.mineBlocks(5);
    const real = t.gate.syncStatus;
    t.gate.syncStatus = () => ({ ...real(), headBlock: real().indexedBlock + 5, lagBlocks: 5 });
    try {
      const stale = await t.scan(await t.answer(await t.challenge(eventB), t.chain.alice, 1n));
      expect(stale.verdict).toMatchObject({ result: "DENY", reason: "NOT_OWNER" });
      const fresh = await t.scan(await t.answer(await t.challenge(eventB), t.chain.bob, 1n));
      expect(fresh.verdict).toMatchObject({ result: "ADMIT", holder: bob });
    } finally {
      t.gate.syncStatus = real;
    }
  });
});
