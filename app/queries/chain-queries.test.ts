/**
 * The app's chain reads, counted at the transport: a ticket page refresh (the ticket's checks plus
 * its waitlist's queue) is at most 3 JSON-RPC calls, all eth_call through Multicall3, and nothing
 * reads logs. Before Multicall3 the same refresh was 42 calls (33 eth_call for the ticket, 5
 * eth_getLogs from block 0 and an eth_getBlockByNumber per block for its history, 3 for the queue).
 */
import { QueryClient } from "@tanstack/react-query";
import { createPublicClient, custom, getAddress, type Abi, type PublicClient, type WalletClient } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { fairgateChain } from "../../lib/chain";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { installMulticall3, MULTICALL3_ADDRESS } from "../../lib/multicall3";
import { chainActivity, TIER0_FACE } from "../../indexer/testing/activity";
import { createChainFixture, type ChainFixture } from "../../indexer/testing/chain-fixture";
import { eventQuery, ticketQuery, waitlistQuery } from "./chain-queries";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

describe("chain reads through Multicall3", { timeout: 120_000 }, () => {
  let f: ChainFixture;
  let ticket: `0x${string}`;
  const calls: { method: string; to?: string }[] = [];
  let client: PublicClient;

  beforeAll(async () => {
    f = await createChainFixture();
    await installMulticall3(f.publicClient);
    const activity = chainActivity({
      publicClient: f.publicClient,
      wallets: [f.organizer, f.alice, f.bob, f.carol] as WalletClient[],
      factory: f.factory,
    });
    ticket = await activity.createTieredEvent("Reads");
    const send = async (
      w: WalletClient,
      call: { address: `0x${string}`; abi: Abi; functionName: string; args: readonly unknown[]; value?: bigint },
    ) => {
      const receipt = await f.publicClient.waitForTransactionReceipt({
        hash: await w.writeContract({ ...call, account: w.account!, chain: w.chain } as never),
      });
      if (receipt.status !== "success") throw new Error(`${call.functionName} reverted`);
    };
    const t = { address: ticket, abi: eventTicketAbi as Abi };
    const [_bob, carol] = [f.bob.account!.address, f.carol.account!.address];
    await send(f.bob, { ...t, functionName: "buy", args: [0, 1n], value: TIER0_FACE }); // 1 bob, paid (only paid tickets resell above 0)
    await send(f.organizer, { ...t, functionName: "mintTier", args: [0, ORGANIZER_CHANNEL, [carol, carol]] }); // 2-3 carol
    await send(f.organizer, { ...t, functionName: "mintTier", args: [1, ORGANIZER_CHANNEL, [carol]] }); // 4 carol, VIP
    const market = await f.publicClient.readContract({ address: ticket, abi: eventTicketAbi, functionName: "market" });
    await send(f.bob, { ...t, functionName: "setApprovalForAll", args: [market, true] });
    await send(f.bob, {
      address: market,
      abi: resaleMarketAbi as Abi,
      functionName: "list",
      args: [ticket, 1n, TIER0_FACE],
    });
    const gateRole = await f.publicClient.readContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "GATE_ROLE",
    });
    await send(f.organizer, { ...t, functionName: "grantRole", args: [gateRole, f.organizer.account!.address] });
    await send(f.organizer, { ...t, functionName: "checkIn", args: [[3n]] });
    client = createPublicClient({
      chain: fairgateChain(),
      transport: custom({
        request: (a: { method: string; params?: unknown }) => {
          const p = Array.isArray(a.params) ? (a.params[0] as { to?: string } | undefined) : undefined;
          calls.push({ method: a.method, ...(p?.to ? { to: p.to.toLowerCase() } : {}) });
          return f.publicClient.request(a as never);
        },
      }),
    }) as PublicClient;
  });

  const counted = async <T>(run: () => Promise<T>) => {
    calls.length = 0;
    const value = await run();
    return { value, calls: [...calls] };
  };

  it("a ticket page refresh is 3 eth_calls to Multicall3: the ticket's checks in 2, its waitlist queue in 1", async () => {
    const queries = new QueryClient();
    const { value: t, calls: ticketCalls } = await counted(() => queries.fetchQuery(ticketQuery(client, ticket, 1n)));
    const { value: queue, calls: queueCalls } = await counted(() =>
      queries.fetchQuery(
        waitlistQuery(client, {
          contract: ticket,
          market: t.event.market,
          tierId: t.tier.id,
          wallet: undefined,
          known: { waitlist: t.waitlist, currency: t.event.currency.address },
        }),
      ),
    );
    const all = [...ticketCalls, ...queueCalls];
    expect(all.length).toBeLessThanOrEqual(3);
    expect(all).toEqual(
      Array.from({ length: 3 }, () => ({ method: "eth_call", to: MULTICALL3_ADDRESS.toLowerCase() })),
    );

    // The batched answers are the chain's.
    const bob = getAddress(f.bob.account!.address);
    expect(t).toMatchObject({
      owner: bob,
      checkedIn: false,
      refunded: false,
      paid: true,
      listing: { seller: bob, price: TIER0_FACE },
      marketApproved: true,
      channel: 0,
      bound: false,
    });
    // The ticket's sale rule and refund right ride in the same batch: a bought ticket may be sold, and its refund is its holder's.
    expect(t).toMatchObject({ saleBlock: "None", refundHolder: bob });
    expect(t.tier).toMatchObject({ id: 0, faceValue: TIER0_FACE, supply: 1000, mode: 0, resaleCapBps: 15_000 });
    expect(t.event).toMatchObject({
      name: "Reads",
      symbol: "FG",
      royaltyBps: 500,
      cancelled: false,
      currency: { symbol: "ETH", decimals: 18 },
    });
    expect(t.event.tiers.map((x) => [x.id, x.mode, x.minted])).toEqual([
      [0, 0, 3],
      [1, 1, 1],
    ]);
    expect(t.event.totalMinted).toBe(
      await f.publicClient.readContract({ address: ticket, abi: eventTicketAbi, functionName: "totalMinted" }),
    );
    expect(t.waitlist).not.toBeNull();
    expect(queue).toMatchObject({ waitlist: t.waitlist, length: 0, position: 0 });
  });

  it("reads a checked-in ticket and the event page's rules in 2 calls each", async () => {
    const queries = new QueryClient();
    const { value: checked, calls: c1 } = await counted(() => queries.fetchQuery(ticketQuery(client, ticket, 3n)));
    expect(checked.checkedIn).toBe(true);
    expect(checked.listing).toBeNull();
    // A used (and complimentary) ticket: the sale rule names the first reason, no one holds a refund.
    expect(checked).toMatchObject({
      saleBlock: "CheckedIn",
      refundHolder: "0x0000000000000000000000000000000000000000",
    });
    expect(c1).toHaveLength(2);
    const { value: event, calls: c2 } = await counted(() => queries.fetchQuery(eventQuery(client, ticket)));
    expect(event.tiers).toHaveLength(2);
    expect(c2).toHaveLength(2);
  });

  it("a wallet's place in a queue, waitlist unknown, is 2 calls", async () => {
    const queries = new QueryClient();
    const market = await f.publicClient.readContract({ address: ticket, abi: eventTicketAbi, functionName: "market" });
    const carol = f.carol.account!.address;
    const { value, calls: c } = await counted(() =>
      queries.fetchQuery(waitlistQuery(client, { contract: ticket, market, tierId: 0, wallet: carol })),
    );
    const held = await f.publicClient.readContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "balanceOf",
      args: [carol],
    });
    expect(held).toBeGreaterThan(0n);
    expect(value).toMatchObject({ length: 0, position: 0, owed: 0n, balance: Number(held) });
    expect(c).toHaveLength(2);
  });

  it("a ticket that does not exist fails with the contract's own error, not a decoding crash", async () => {
    await expect(new QueryClient().fetchQuery({ ...ticketQuery(client, ticket, 999n), retry: false })).rejects.toThrow(
      /ERC721NonexistentToken|nonexistent/i,
    );
  });
});
