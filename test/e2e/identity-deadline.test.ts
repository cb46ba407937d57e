/**
 * Real-name deadline end to end on a local (in-process Hardhat) chain: the identity service
 * attests a binding, the holder binds on chain, the indexer mirrors it, and after the tier's
 * deadline the gate refuses the unbound ticket with IDENTITY_UNBOUND in challenge mode, pass mode
 * and the contract-read fallback, while the bound ticket still needs (and passes) the ID check.
 * The chain is moved past the deadline with evm_setNextBlockTimestamp; the gate's clock with the
 * test clock (the head-age bound is widened to match, so the mirror's fast path is the one judged).
 */
import { getAddress, parseEventLogs, type Address, type Hex, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../lib/generated/abis";
import { identityCommitment } from "../../lib/identity/identity-commitment";
import {
  buildBindingSignInMessage,
  identityBindingTypedData,
  type BindingChallenge,
} from "../../lib/identity/identity-binding";
import { encodeChannelRules, encodeIdentityDeadlines } from "../../lib/channels";
import { contractTicketFacts } from "../../indexer/gate/facts/contract-ticket-facts";
import { GateDenial } from "../../indexer/gate/gate-denial";
import { checkTicketRules } from "../../indexer/gate/steps/check-ticket-rules";
import { createDevIdentityProvider } from "../../indexer/onsale/identity/dev-identity-provider";
import type { OnsaleDeps } from "../../indexer/onsale/onsale-deps";
import { onsaleRoutes } from "../../indexer/onsale/onsale-routes";
import { withApiErrors } from "../../indexer/testing/with-api-errors";
import type { VoucherSigner } from "../../indexer/onsale/vouchers/voucher-signer";
import { gateFixture, TIER } from "../../indexer/testing/gate-fixture";
import { postBinding, requestBindingAs } from "../../indexer/testing/request-binding";
import { createTestApp, type TestApp } from "../../indexer/testing/test-app";

const PEPPER = "identity-deadline-pepper-0123456789";
const ALICE_ID = "AB 123-456";
/** The deadline sits this far after event creation (chain seconds): room for a slow, shared machine. */
const DEADLINE_AFTER = 900;

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let alice: Address;
let bob: Address;
let deadline: number;
let bindings: ReturnType<typeof withApiErrors>;

async function mined(hash: Hex) {
  const r = await t.chain.publicClient.waitForTransactionReceipt({ hash });
  if (r.status !== "success") throw new Error(`tx ${hash} reverted`);
  return r;
}

/** POST /onsale/bindings, as the app does: `wallet` signs in for the ticket, then asks. */
function requestBinding(wallet: WalletClient, tokenId: bigint, idNumber: string) {
  return requestBindingAs(bindings, wallet, event, tokenId, idNumber);
}

beforeAll(async () => {
  t = await createTestApp({ identityPepper: PEPPER, scanRatePerSecond: 1_000 });
  // The gate's clock jumps ~15 minutes ahead below; keep the mirror "fresh" across that jump.
  t.gate.maxHeadAgeMs = 60 * 60_000;
  g = gateFixture(t);
  const org = t.chain.organizer;
  alice = getAddress(t.chain.alice.account!.address);
  bob = getAddress(t.chain.bob.account!.address);
  const now = Number((await t.chain.publicClient.getBlock()).timestamp);
  const start = now + 3_600;
  deadline = now + DEADLINE_AFTER;
  event = await g.createTieredEvent("Real Name Night", BigInt(start));
  await mined(
    await org.writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "configureRules",
      args: [0n, encodeIdentityDeadlines({ [TIER.general]: start - deadline }), encodeChannelRules([]).names as never],
      account: org.account!,
      chain: org.chain,
    }),
  );
  await g.mintTier(event, TIER.general, [alice, bob, bob]); // #1 alice, #2 and #3 bob
  await g.grantGateRole(event, t.chain.carol.account!.address);

  const signer: VoucherSigner = {
    address: org.account!.address,
    sign: () => Promise.reject(new Error("not used")),
    signBinding: (chainId, contract, b) =>
      org.signTypedData({ account: org.account!, ...identityBindingTypedData(chainId, contract, b) }),
  };
  const deps = {
    db: t.database.db,
    client: t.chain.publicClient,
    chainId: t.chain.chainId,
    siweDomains: ["localhost:3000"],
    signer,
    identity: createDevIdentityProvider(PEPPER),
    now: t.clock.now,
  };
  bindings = withApiErrors(onsaleRoutes(deps as unknown as OnsaleDeps));
  await t.sync.syncToHead();
});
afterAll(() => t?.close());

describe("real-name deadline", () => {
  it("the identity service attests a binding and the holder binds on chain; the mirror follows", async () => {
    expect((await requestBinding(t.chain.alice, 1n, "x")).body).toMatchObject({ error: { code: "IDENTITY_INVALID" } });
    expect(
      (await postBinding(bindings, { contract: "nope", tokenId: "1", holder: alice, idNumber: ALICE_ID })).status,
    ).toBe(400);
    const res = await requestBinding(t.chain.alice, 1n, ALICE_ID);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("123");
    const commitment = res.body.identityCommitment as Hex;
    expect(commitment).toBe(identityCommitment(PEPPER, ALICE_ID));
    // Bob cannot push Alice's attestation onto her ticket (only the holder binds).
    await expect(
      t.chain.bob.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "bindIdentity",
        args: [1n, commitment, res.body.signature as Hex],
        account: t.chain.bob.account!,
        chain: t.chain.bob.chain,
      }),
    ).rejects.toThrow(/EventTicketNotTicketOwner/);
    const receipt = await mined(
      await t.chain.alice.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "bindIdentity",
        args: [1n, commitment, res.body.signature as Hex],
        account: t.chain.alice.account!,
        chain: t.chain.alice.chain,
      }),
    );
    expect(parseEventLogs({ abi: eventTicketAbi, eventName: "IdentityBound", logs: receipt.logs })).toHaveLength(1);
    await t.sync.syncToHead();
    const ticket = await t.app.request(`/tickets/${event}/1`);
    expect(ticket.status).toBe(200);
  });

  it("answers a binding only to the ticket's signed-in holder: no commitment for anyone else's ticket or an unsigned request", async () => {
    // Before: POST /onsale/bindings { contract, tokenId, holder, idNumber } answered the HMAC commitment of any ID number for
    // any ticket, unsigned: an oracle for testing guessed ID numbers against the public on-chain commitments.
    const unsigned = await postBinding(bindings, {
      contract: event,
      tokenId: "3",
      holder: bob,
      idNumber: "GUESS12345",
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.text).not.toMatch(/0x[0-9a-f]{64}/);
    // Alice signs in for Bob's ticket #3: she does not hold it.
    const notHers = await requestBinding(t.chain.alice, 3n, "GUESS12345");
    expect(notHers).toMatchObject({ status: 403, body: { error: { code: "NOT_HOLDER" } } });
    expect(notHers.text).not.toMatch(/0x[0-9a-f]{64}/);
    // A ticket that does not exist is not held by anyone either.
    expect((await requestBinding(t.chain.alice, 999n, "GUESS12345")).body).toMatchObject({
      error: { code: "NOT_HOLDER" },
    });
    // A signed request is single use: replaying it (a second guess on one signature) is refused.
    const nonce = (
      await bindings.request("/bindings/nonce", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contract: event, tokenId: "3" }),
      })
    ).json();
    const message = buildBindingSignInMessage((await nonce) as BindingChallenge, bob);
    const signature = await t.chain.bob.signMessage({ account: t.chain.bob.account!, message });
    expect((await postBinding(bindings, { message, signature, idNumber: "GUESS12345" })).status).toBe(200);
    expect((await postBinding(bindings, { message, signature, idNumber: "GUESS67890" })).body).toMatchObject({
      error: { code: "NONCE_INVALID" },
    });
  });

  it("before the deadline an unbound ticket still gets in", async () => {
    const staff = await g.gateToken(t.chain.carol, event, "north-1");
    const ch = await t.post("/gate/challenge", { contract: event, gateId: "x" }, { authorization: `Bearer ${staff}` });
    const verdict = (await t.scan(await t.answer(ch.body as never, t.chain.bob, 3n))).verdict;
    expect(verdict).toMatchObject({ result: "ADMIT", tokenId: "3" });
  });

  it("after the deadline (chain time-travelled) binding is refused on chain", async () => {
    await t.chain.publicClient.request({
      method: "evm_setNextBlockTimestamp" as never,
      params: [`0x${(deadline + 1).toString(16)}`] as never,
    });
    const res = await requestBinding(t.chain.bob, 2n, "ZZ998877");
    await expect(
      t.chain.bob.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "bindIdentity",
        args: [2n, res.body.identityCommitment as Hex, res.body.signature as Hex],
        account: t.chain.bob.account!,
        chain: t.chain.bob.chain,
      }),
    ).rejects.toThrow(/EventTicketBindingClosed/);
  });

  it("after the deadline the gate refuses the unbound ticket: IDENTITY_UNBOUND in challenge and pass mode", async () => {
    await t.chain.publicClient.request({ method: "evm_mine" as never });
    await t.sync.syncToHead();
    t.clock.advance((deadline + 5) * 1000 - t.clock.now().getTime());
    const staff = await g.gateToken(t.chain.carol, event, "north-1");
    const challenge = async () =>
      (await t.post("/gate/challenge", { contract: event, gateId: "x" }, { authorization: `Bearer ${staff}` }))
        .body as never;
    const unbound = (await t.scan(await t.answer(await challenge(), t.chain.bob, 2n))).verdict;
    expect(unbound).toMatchObject({ result: "DENY", reason: "IDENTITY_UNBOUND", tokenId: "2" });
    console.log(`[identity-deadline] challenge scan of unbound #2 after the deadline: ${JSON.stringify(unbound)}`);

    const d = await g.delegate(t.chain.bob, event);
    expect(d.res.status).toBe(200);
    const passVerdict = await g.passScan(staff, { pass: await g.pass(d.device, event, 2n) });
    expect(passVerdict.verdict).toMatchObject({ result: "DENY", reason: "IDENTITY_UNBOUND" });
  });

  it("the bound ticket still needs the holder's ID at the door, and passes with it", async () => {
    const staff = await g.gateToken(t.chain.carol, event, "north-1");
    const scan = async (idNumber?: string) =>
      (
        await t.scan({
          ...(await t.answer(
            (
              await t.post("/gate/challenge", { contract: event, gateId: "x" }, { authorization: `Bearer ${staff}` })
            ).body as never,
            t.chain.alice,
            1n,
          )),
          ...(idNumber ? { idNumber } : {}),
        })
      ).verdict;
    expect(await scan()).toMatchObject({ result: "DENY", reason: "IDENTITY_REQUIRED" });
    expect(await scan("CD999999")).toMatchObject({ result: "DENY", reason: "IDENTITY_MISMATCH" });
    expect(await scan("ab123456")).toMatchObject({ result: "ADMIT", tokenId: "1" });
  });

  it("the contract-read fallback gives the same verdict", async () => {
    const facts = contractTicketFacts(t.chain.publicClient);
    const denial = await checkTicketRules(
      facts,
      { contract: event, tokenId: 2n },
      { zone: 0, identityPepper: PEPPER },
      undefined,
      t.clock.now(),
    ).catch((e: unknown) => e);
    expect(denial).toBeInstanceOf(GateDenial);
    expect((denial as GateDenial).reason).toBe("IDENTITY_UNBOUND");
    // The bound ticket: its bound commitment is what the ID is checked against.
    await expect(
      checkTicketRules(
        facts,
        { contract: event, tokenId: 1n },
        { zone: 0, identityPepper: PEPPER },
        "AB123456",
        t.clock.now(),
      ),
    ).resolves.toBeUndefined();
  });
});
