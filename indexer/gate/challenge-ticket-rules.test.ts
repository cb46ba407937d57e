/**
 * Challenge mode runs the same ticket rules as pass mode: CANCELLED, ZONE_NOT_ALLOWED (zone from
 * the scanner's session), IDENTITY_REQUIRED / IDENTITY_MISMATCH (idNumber in POST /gate/scan).
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { identityCommitment } from "../../lib/identity/identity-commitment";
import { gateFixture, TIER, ZONE } from "../testing/gate-fixture";
import { createTestApp, type TestApp } from "../testing/test-app";

const PEPPER = "challenge-rules-pepper-0123456789";
let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let alice: Address;

async function challengeAt(token: string, contract = event): Promise<GateChallenge> {
  const res = await t.post("/gate/challenge", { contract, gateId: "ignored" }, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  return res.body as unknown as GateChallenge;
}

beforeAll(async () => {
  t = await createTestApp({ identityPepper: PEPPER, scanRatePerSecond: 1_000 });
  g = gateFixture(t);
  alice = getAddress(t.chain.alice.account!.address);
  event = await g.createTieredEvent("Challenge Rules");
  await g.mintTier(event, TIER.general, [alice]); // #1
  await g.mintTier(event, TIER.vip, [alice]); // #2
  await g.grantGateRole(event, t.chain.bob.account!.address);
  await t.sync.syncToHead();
});
afterAll(() => t.close());

describe("challenge mode: ticket rules", () => {
  it("ZONE_NOT_ALLOWED at a VIP gate for a general ticket; the VIP ticket gets in", async () => {
    const vip = await g.gateToken(t.chain.bob, event, "vip-1", ZONE.vip);
    const c1 = await challengeAt(vip);
    expect(c1.gateId).toBe("vip-1"); // the session's gate, not the body's
    expect((await t.scan(await t.answer(c1, t.chain.alice, 1n))).verdict).toMatchObject({
      result: "DENY",
      reason: "ZONE_NOT_ALLOWED",
      tokenId: "1",
    });
    expect((await t.scan(await t.answer(await challengeAt(vip), t.chain.alice, 2n))).verdict).toMatchObject({
      result: "ADMIT",
      gateId: "vip-1",
    });
  });

  it("IDENTITY_REQUIRED, IDENTITY_MISMATCH (ID never echoed), then the right ID admits", async () => {
    const named = await g.claimNamed(event, t.chain.alice, identityCommitment(PEPPER, "P9876543"));
    await t.sync.syncToHead();
    const token = await g.gateToken(t.chain.bob, event, "north-1");
    const scan = async (idNumber?: string) =>
      (
        await t.scan({
          ...(await t.answer(await challengeAt(token), t.chain.alice, named)),
          ...(idNumber ? { idNumber } : {}),
        })
      ).verdict;
    expect(await scan()).toMatchObject({ result: "DENY", reason: "IDENTITY_REQUIRED" });
    const mismatch = await scan("P1111111");
    expect(mismatch).toMatchObject({ result: "DENY", reason: "IDENTITY_MISMATCH" });
    expect(JSON.stringify(mismatch)).not.toContain("P1111111");
    expect(await scan("p 987-6543")).toMatchObject({ result: "ADMIT" });
  });

  it("CANCELLED: a cancelled event admits no one", async () => {
    const doomed = await g.createTieredEvent("Doomed Challenge");
    await g.mintTier(doomed, TIER.general, [alice]);
    await t.sync.syncToHead();
    await g.cancelEvent(doomed);
    // Facts come from the mirror (fresh within the bound): the indexer sees the cancellation first.
    await t.sync.syncToHead();
    const verdict = (await t.scan(await t.answer(await t.challenge(doomed), t.chain.alice, 1n))).verdict;
    expect(verdict).toMatchObject({ result: "DENY", reason: "CANCELLED", tokenId: "1" });
  });
});
