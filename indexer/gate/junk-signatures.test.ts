/**
 * Unauthenticated challenge scans with junk signatures (issue 18 #3): the chain is asked only for
 * contract wallets, a nonce is spent after 3 bad signatures, and one client's chain reads for
 * signature checks are rate-limited. RPC requests are counted at the transport.
 * Before: every junk scan cost 4 RPC requests (viem verifyMessage fell back to eth_call), 300 times
 * on one free nonce.
 */
import { eq } from "drizzle-orm";
import { createPublicClient, custom, getAddress, type Address, type Hex, type PublicClient } from "viem";
import { privateKeyToAccount, generatePrivateKey } from "viem/accounts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fairgateChain } from "../../lib/chain";
import { buildChallengeMessage } from "../../lib/gate/challenge-message";
import { gateChallenges } from "../db/schema";
import { gateFixture, TIER } from "../testing/gate-fixture";
import { smartAccounts } from "../testing/smart-account";
import { createTestApp, type TestApp } from "../testing/test-app";
import { createGateContext, type GateContext } from "./gate-context";
import { issueChallenge } from "./issue-challenge";
import { SIGNATURE_CHECK_LIMITS } from "../api/abuse-limits";
import { verifyScan } from "./verify-scan";

let t: TestApp;
let event: Address;
let alice: Address;
let ctx: GateContext;
let rpc: string[] = [];
const MAX_SIGNATURE_FAILURES = SIGNATURE_CHECK_LIMITS.failuresPerNonce;
const JUNK = `0x${"5a".repeat(65)}` as Hex;

beforeAll(async () => {
  t = await createTestApp();
  const g = gateFixture(t);
  alice = getAddress(t.chain.alice.account!.address);
  event = await g.createTieredEvent("Junk Night");
  await g.mintTier(event, TIER.general, Array(4).fill(alice));
  await t.sync.syncToHead();
  const counting = createPublicClient({
    chain: fairgateChain(31337),
    transport: custom({
      request: async (args: { method: string; params?: unknown }) => {
        rpc.push(args.method);
        return t.chain.publicClient.request(args as never);
      },
    }),
  }) as PublicClient;
  ctx = createGateContext({ ...t.gate, client: counting });
});
afterAll(() => t.close());
beforeEach(() => {
  rpc = [];
});

async function junkScan(address: Address, from = "198.51.100.7", nonce?: string) {
  const ch = await issueChallenge(ctx, { contract: event, gateId: "north-1" });
  const message = buildChallengeMessage(nonce ? { ...ch, nonce } : ch, address, 1n);
  return verifyScan(ctx, { message, signature: JUNK }, from);
}

describe("junk signatures on /gate/scan", () => {
  it("on an EOA address: at most one eth_getCode (cached), then no RPC at all; before, 4 requests a scan", async () => {
    expect(await junkScan(alice)).toMatchObject({ result: "DENY", reason: "BAD_SIGNATURE" });
    expect(rpc).toEqual(["eth_getCode"]);
    rpc = [];
    for (let i = 0; i < 10; i++) expect(await junkScan(alice)).toMatchObject({ reason: "BAD_SIGNATURE" });
    expect(rpc).toEqual([]);
  });

  it("a valid EOA signature costs no RPC (local recovery), and the fresh mirror admits", async () => {
    const ch = await issueChallenge(ctx, { contract: event, gateId: "north-1" });
    const message = buildChallengeMessage(ch, alice, 2n);
    const signature = await t.chain.alice.signMessage({ account: t.chain.alice.account!, message });
    expect(await verifyScan(ctx, { message, signature }, "198.51.100.7")).toMatchObject({
      result: "ADMIT",
      tokenId: "2",
    });
    expect(rpc).toEqual([]);
  });

  it(`one nonce takes ${MAX_SIGNATURE_FAILURES} bad signatures, then it is spent (300 tries: 3 checks), for this and every other instance`, async () => {
    const ch = await issueChallenge(ctx, { contract: event, gateId: "north-1" });
    const message = buildChallengeMessage(ch, alice, 3n);
    const reasons: string[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await t.scan({ message, signature: JUNK });
      reasons.push(res.verdict.result === "DENY" ? res.verdict.reason : "ADMIT");
    }
    expect(reasons.filter((r) => r === "BAD_SIGNATURE")).toHaveLength(MAX_SIGNATURE_FAILURES);
    expect(reasons.slice(MAX_SIGNATURE_FAILURES).every((r) => r === "CHALLENGE_USED")).toBe(true);
    // Spent in the database, not only in this process's count: even the holder's own signature is refused now.
    const [row] = await t.database.db.select().from(gateChallenges).where(eq(gateChallenges.nonce, ch.nonce));
    expect(row!.usedAt).not.toBeNull();
    const signature = await t.chain.alice.signMessage({ account: t.chain.alice.account!, message });
    expect((await t.scan({ message, signature })).verdict).toMatchObject({ result: "DENY", reason: "CHALLENGE_USED" });
  });

  it("chain reads for signature checks are limited per client: fresh addresses from one client stop at the burst, another client is unaffected", async () => {
    const perSecond = SIGNATURE_CHECK_LIMITS.chainChecksPerClientPerSecond;
    const burst = perSecond * 4;
    const scans = [];
    for (let i = 0; i < 3 * burst; i++) {
      const ch = await issueChallenge(ctx, { contract: event, gateId: "north-1" });
      scans.push({
        message: buildChallengeMessage(ch, privateKeyToAccount(generatePrivateKey()).address, 1n),
        signature: JUNK,
      });
    }
    rpc = [];
    const started = performance.now();
    const verdicts = await Promise.all(scans.map((scan) => verifyScan(ctx, scan, "203.0.113.9")));
    const seconds = (performance.now() - started) / 1000;
    const limited = verdicts.filter((v) => v.result === "DENY" && v.reason === "RATE_LIMITED").length;
    // Each fresh address costs one eth_getCode while the bucket has tokens: the burst, plus what refilled meanwhile.
    const allowed = burst + Math.ceil(seconds * perSecond);
    expect(rpc.length).toBeLessThanOrEqual(allowed);
    expect(limited).toBeGreaterThanOrEqual(3 * burst - allowed);
    expect(rpc.every((m) => m === "eth_getCode")).toBe(true);
    expect(await junkScan(privateKeyToAccount(generatePrivateKey()).address, "192.0.2.44")).toMatchObject({
      reason: "BAD_SIGNATURE",
    });
  });

  it("contract wallets still verify on chain: a deployed EIP-1271 account (has code) and an ERC-6492 one (wrapped signature)", async () => {
    const sa = await smartAccounts(t.chain.publicClient, t.chain.organizer);
    const deployed = await sa.deployed(t.chain.alice, "junk-1271");
    const counterfactual = await sa.counterfactual(t.chain.alice, "junk-6492");
    const g = gateFixture(t);
    await g.mintTier(event, TIER.general, [deployed.address, counterfactual.address]); // #5, #6
    await t.sync.syncToHead();
    for (const [account, tokenId] of [
      [deployed, 5n],
      [counterfactual, 6n],
    ] as const) {
      const ch = await issueChallenge(ctx, { contract: event, gateId: "north-1" });
      const message = buildChallengeMessage(ch, account.address, tokenId);
      expect(
        await verifyScan(ctx, { message, signature: await account.signMessage(message) }, "198.51.100.8"),
      ).toMatchObject({ result: "ADMIT" });
    }
    // Junk on the contract wallet's address is asked of the chain (that is the only way to know), and refused.
    expect(await junkScan(deployed.address, "198.51.100.8")).toMatchObject({ reason: "BAD_SIGNATURE" });
  });
});
