/**
 * INDEXER_STALE in pass mode: the gate refuses (never admits) when it cannot confirm ownership,
 * i.e. the mirror is behind and the chain does not answer ownerOf, or the mirror is behind and the
 * ticket's facts cannot be read from the contract; and admits again once the mirror is fresh (then
 * owner and facts come from the mirror alone). A lagging mirror skips no check: a holder who gave
 * the ticket away after delegating (and got it back) is refused as a fresh mirror refuses them.
 */
import { createPublicClient, custom, getAddress, type Address, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fairgateChain } from "../../../lib/chain";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { createGateContext } from "../gate-context";
import { NO_IDENTITY_RULE, TicketFactsUnavailableError } from "../facts/ticket-facts";
import { gateFixture, TIER, type Device } from "../../testing/gate-fixture";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { verifyPass } from "./verify-pass";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let device: Device;
let rpcCalls = 0;

const deadChain = createPublicClient({
  chain: fairgateChain(31337),
  transport: custom({
    request: async () => {
      rpcCalls++;
      throw new Error("connection refused");
    },
  }),
}) as PublicClient;

beforeAll(async () => {
  t = await createTestApp();
  g = gateFixture(t);
  event = await g.createTieredEvent("Stale Night");
  await g.mintTier(event, TIER.general, Array(3).fill(getAddress(t.chain.alice.account!.address)));
  await t.sync.syncToHead();
  device = (await g.delegate(t.chain.alice, event)).device;
});
afterAll(() => t.close());

const session = () => ({ contract: event, gateId: "north-1", zone: 0 });

describe("pass mode: INDEXER_STALE", () => {
  it("mirror far behind and the chain unreachable: DENY INDEXER_STALE, nothing recorded", async () => {
    const fresh = t.sync.status();
    const stale = { ...fresh, headBlock: (fresh.headBlock ?? 0) + 50, lagBlocks: 50 };
    const ctx = createGateContext({
      ...t.gate,
      client: deadChain,
      syncStatus: () => stale,
      facts: {
        zones: async () => 1,
        identityCommitment: async () => null,
        cancelled: async () => false,
        identityRule: async () => NO_IDENTITY_RULE,
      },
    });
    rpcCalls = 0;
    const verdict = await verifyPass(ctx, session(), { pass: await g.pass(device, event, 1n) });
    expect(verdict).toMatchObject({ result: "DENY", reason: "INDEXER_STALE", tokenId: "1" });
    expect(rpcCalls).toBeGreaterThan(0); // it did try ownerOf
    // The same pass is admitted by a gate whose mirror is fresh: the stale DENY wrote nothing.
    expect(
      (await verifyPass(createGateContext(t.gate), session(), { pass: await g.pass(device, event, 1n) })).result,
    ).toBe("ADMIT");
  });

  it("mirror behind, the chain answers ownerOf but the ticket's facts cannot be read: DENY INDEXER_STALE, not ADMIT", async () => {
    const facts = {
      zones: async () => {
        throw new TicketFactsUnavailableError("zonesOf: RPC down");
      },
      identityCommitment: async () => null,
      cancelled: async () => false,
      identityRule: async () => NO_IDENTITY_RULE,
    };
    const fresh = t.sync.status();
    const ctx = createGateContext({ ...t.gate, facts, syncStatus: () => ({ ...fresh, lagBlocks: 50 }) });
    expect(await verifyPass(ctx, session(), { pass: await g.pass(device, event, 2n) })).toMatchObject({
      result: "DENY",
      reason: "INDEXER_STALE",
      tokenId: "2",
    });
  });

  it("mirror fresh: owner and facts come from the mirror, so a dead chain does not matter (no RPC call)", async () => {
    const ctx = createGateContext({ ...t.gate, client: deadChain });
    rpcCalls = 0;
    expect(await verifyPass(ctx, session(), { pass: await g.pass(device, event, 2n) })).toMatchObject({
      result: "ADMIT",
      tokenId: "2",
    });
    expect(await verifyPass(ctx, session(), { pass: await g.pass(device, event, 2n) })).toMatchObject({
      result: "DENY",
      reason: "ALREADY_CHECKED_IN",
    });
    expect(rpcCalls).toBe(0);
  });

  it("mirror behind but the chain answers: ownerOf decides and the pass is admitted", async () => {
    const fresh = t.sync.status();
    const ctx = createGateContext({ ...t.gate, syncStatus: () => ({ ...fresh, lagBlocks: 50 }) });
    expect(await verifyPass(ctx, session(), { pass: await g.pass(device, event, 3n) })).toMatchObject({
      result: "ADMIT",
      tokenId: "3",
    });
  });

  it("a chain that hangs is unreachable after chainCheckMs: DENY INDEXER_STALE at once, not after the transport's timeout", async () => {
    const hanging = createPublicClient({
      chain: fairgateChain(31337),
      transport: custom({ request: () => new Promise(() => {}) }),
    }) as PublicClient;
    const fresh = t.sync.status();
    const ctx = createGateContext({
      ...t.gate,
      client: hanging,
      syncStatus: () => ({ ...fresh, lagBlocks: 50 }),
      settings: { ...t.gate.settings, chainCheckMs: 200 },
    });
    // The transport never answers: without the bound this scan would never return (the test would time out).
    expect(await verifyPass(ctx, session(), { pass: await g.pass(device, event, 1n) })).toMatchObject({
      result: "DENY",
      reason: "INDEXER_STALE",
      tokenId: "1",
    });
  });

  it("mirror 3 blocks behind, the holder gave the ticket away after delegating and got it back: DENY NO_DELEGATION, as with a fresh mirror", async () => {
    const alice = getAddress(t.chain.alice.account!.address);
    const bob = getAddress(t.chain.bob.account!.address);
    await g.mintTier(event, TIER.general, [alice]); // #4
    await t.sync.syncToHead();
    const phone = (await g.delegate(t.chain.alice, event)).device;
    const send = async (from: WalletClient, to: Address) => {
      const hash = await from.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "transferFrom",
        args: [from.account!.address, to, 4n],
        account: from.account!,
        chain: from.chain,
      });
      await t.chain.publicClient.waitForTransactionReceipt({ hash });
    };
    await send(t.chain.alice, bob); // given away after the delegation…
    await send(t.chain.bob, alice); // …and bought back: the old delegation stays void
    await g.mintTier(event, TIER.general, [bob]); // #5: a third block the mirror has not seen
    const indexed = t.sync.status();
    const head = Number(await t.chain.publicClient.getBlockNumber());
    expect(head - indexed.indexedBlock).toBe(3);
    const lagging = createGateContext({
      ...t.gate,
      syncStatus: () => ({
        ...indexed,
        headBlock: head,
        lagBlocks: head - indexed.indexedBlock,
        headCheckedAt: Date.now(),
      }),
    });
    expect(await verifyPass(lagging, session(), { pass: await g.pass(phone, event, 4n) })).toMatchObject({
      result: "DENY",
      reason: "NO_DELEGATION",
      tokenId: "4",
    });

    // The chain cannot be asked for the unindexed blocks' logs: refused, never admitted unchecked.
    const noLogs = createPublicClient({
      chain: fairgateChain(31337),
      transport: custom({
        request: async (args: { method: string; params?: unknown }) => {
          if (args.method === "eth_getLogs") throw new Error("connection refused");
          return t.chain.publicClient.request(args as never);
        },
      }),
    }) as PublicClient;
    const blind = createGateContext({ ...t.gate, client: noLogs, syncStatus: lagging.syncStatus });
    expect(await verifyPass(blind, session(), { pass: await g.pass(phone, event, 4n) })).toMatchObject({
      result: "DENY",
      reason: "INDEXER_STALE",
      tokenId: "4",
    });

    await t.sync.syncToHead();
    expect(
      await verifyPass(createGateContext(t.gate), session(), { pass: await g.pass(phone, event, 4n) }),
    ).toMatchObject({ result: "DENY", reason: "NO_DELEGATION" });
    // Delegating again (after the moves) admits.
    const again = (await g.delegate(t.chain.alice, event)).device;
    expect(await verifyPass(lagging, session(), { pass: await g.pass(again, event, 4n) })).toMatchObject({
      result: "ADMIT",
      tokenId: "4",
    });
  });
});
