/** Challenge mode, pass delegation and staff sign-in with smart-contract wallets: EIP-1271 (deployed) and ERC-6492 (not yet deployed). */
import { getAddress, type Address, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChallengeMessage } from "../../lib/gate/challenge-message";
import { buildDelegationMessage, signDelegationProof, type DelegationRequest } from "../../lib/pass";
import { gateFixture, TIER } from "../testing/gate-fixture";
import { smartAccounts } from "../testing/smart-account";
import { createTestApp, type TestApp } from "../testing/test-app";

type Account = { address: Address; signMessage(message: string): Promise<Hex> };

describe("smart-account signatures (EIP-1271, ERC-6492)", { timeout: 120_000 }, () => {
  let t: TestApp;
  let g: ReturnType<typeof gateFixture>;
  let event: Address;
  let deployed: Account;
  let counterfactual: Account;
  let gate: string;

  beforeAll(async () => {
    t = await createTestApp();
    g = gateFixture(t);
    const sa = await smartAccounts(t.chain.publicClient, t.chain.organizer);
    deployed = await sa.deployed(t.chain.alice, "alice-1271");
    counterfactual = await sa.counterfactual(t.chain.alice, "alice-6492");
    expect(await t.chain.publicClient.getCode({ address: deployed.address })).not.toBe("0x");
    expect(await t.chain.publicClient.getCode({ address: counterfactual.address })).toBeUndefined();
    event = await g.createTieredEvent("Smart Night");
    // #1 #2 deployed account, #3 #4 counterfactual account
    await g.mintTier(event, TIER.general, [
      deployed.address,
      deployed.address,
      counterfactual.address,
      counterfactual.address,
    ]);
    await g.grantGateRole(event, t.chain.bob.account!.address);
    await t.sync.syncToHead();
    gate = await g.gateToken(t.chain.bob, event);
  });
  afterAll(() => t.close());

  async function challengeScan(account: Account, tokenId: bigint) {
    const message = buildChallengeMessage(await t.challenge(event), account.address, tokenId);
    return t.scan({ message, signature: await account.signMessage(message) });
  }

  it("EIP-1271: a deployed smart account's holder is admitted; a signature of another key is not", async () => {
    expect((await challengeScan(deployed, 1n)).verdict).toMatchObject({
      result: "ADMIT",
      holder: getAddress(deployed.address),
    });
    const message = buildChallengeMessage(await t.challenge(event), deployed.address, 2n);
    const wrong = await t.chain.bob.signMessage({ account: t.chain.bob.account!, message });
    expect((await t.scan({ message, signature: wrong })).verdict).toMatchObject({
      result: "DENY",
      reason: "BAD_SIGNATURE",
    });
  });

  it("ERC-6492: an undeployed account's holder is admitted, and the account stays undeployed", async () => {
    expect((await challengeScan(counterfactual, 3n)).verdict).toMatchObject({
      result: "ADMIT",
      holder: getAddress(counterfactual.address),
    });
    expect(await t.chain.publicClient.getCode({ address: counterfactual.address })).toBeUndefined();
  });

  it("pass delegations from both kinds of smart account verify, and their passes admit", async () => {
    for (const [account, tokenId] of [
      [deployed, 2n],
      [counterfactual, 4n],
    ] as const) {
      const device = await g.newDevice();
      const request = (await t.post("/pass/nonce", { contract: event })).body as unknown as DelegationRequest;
      const message = buildDelegationMessage(request, account.address, device.publicKey);
      const deviceSignature = await signDelegationProof(device.keys.privateKey, message);
      const res = await t.post("/pass/delegations", {
        message,
        signature: await account.signMessage(message),
        deviceSignature,
      });
      expect(res).toMatchObject({ status: 200, body: { holder: getAddress(account.address) } });
      expect((await g.passScan(gate, { pass: await g.pass(device, event, tokenId) })).verdict).toMatchObject({
        result: "ADMIT",
      });
    }
  });
});
