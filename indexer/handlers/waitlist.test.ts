/**
 * Waitlist logs on the in-process chain → waitlist_entries → GET /events/:address/waitlist (through the
 * typed client): joins queue in order, leaving and being served close entries, a returned ticket's
 * transfer is marked `waitlist` at the price the returner was paid (min(face, resale cap)), and a
 * rollback reopens what it undid.
 */
import { eq } from "drizzle-orm";
import { getAddress, parseEther, parseEventLogs, type Abi, type Address, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi, waitlistAbi } from "../../lib/generated/abis";
import { createIndexerClient, IndexerClientError, type IndexerClient } from "../../lib/indexer-client";
import { waitlistEntries } from "../db/schema";
import { rollbackAbove } from "../sync/undo-log";
import { createTestApp, type TestApp } from "../testing/test-app";

const FACE0 = parseEther("0.01");
const FACE1 = parseEther("0.02");
const ZERO: Address = "0x0000000000000000000000000000000000000000";

describe("waitlist handler and API", { timeout: 120_000 }, () => {
  let t: TestApp;
  let client: IndexerClient;
  let ticket: Address;
  let capped: Address;
  let waitlist: Address;
  let market: Address;
  let org: Address, a: Address, b: Address, c: Address;
  let returnBlock: number;

  async function send(
    wallet: WalletClient,
    call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint },
  ) {
    const hash = await wallet.writeContract({ ...call, account: wallet.account!, chain: wallet.chain } as never);
    const receipt = await t.chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`${call.functionName} reverted (${hash})`);
    return receipt;
  }

  beforeAll(async () => {
    t = await createTestApp();
    client = createIndexerClient({
      baseUrl: "http://indexer.test",
      fetch: ((input: string | URL | Request, init?: RequestInit) =>
        t.app.request(String(input).replace("http://indexer.test", ""), init)) as typeof fetch,
    });
    const { organizer, alice, bob, carol, publicClient, factory } = t.chain;
    [org, a, b, c] = [organizer, alice, bob, carol].map((w) => getAddress(w.account!.address)) as [
      Address,
      Address,
      Address,
      Address,
    ];
    market = await publicClient.readContract({ address: factory, abi: ticketFactoryAbi, functionName: "market" });
    waitlist = await publicClient.readContract({ address: market, abi: resaleMarketAbi, functionName: "waitlist" });

    const start = (await publicClient.getBlock()).timestamp + 30n * 86_400n;
    const created = await send(organizer, {
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name: "Sold Out Live",
          symbol: "SOL",
          startTime: start,
          endTime: start + 86_400n,
          lockWindow: 0,
          maxPerWallet: 0,
          maxPerIdentity: 0,
          royaltyBps: 0,
          voucherSigner: ZERO,
          currency: ZERO,
        },
        [
          { faceValue: FACE0, supply: 2, zones: 1, mode: 0, resaleCapBps: 10_000, voucherOnly: false, reserved: false },
          { faceValue: FACE1, supply: 1, zones: 1, mode: 1, resaleCapBps: 10_000, voucherOnly: false, reserved: false },
        ],
      ],
    });
    ticket = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: created.logs })[0]!.args.ticket;
    const buy = (w: WalletClient, tier: number, n: bigint, face: bigint) =>
      send(w, { address: ticket, abi: eventTicketAbi, functionName: "buy", args: [tier, n], value: face * n });
    const join = (w: WalletClient, tier: number, face: bigint) =>
      send(w, { address: waitlist, abi: waitlistAbi, functionName: "join", args: [ticket, tier], value: face });

    await buy(alice, 0, 2n, FACE0); // tokens 1, 2: tier 0 sold out
    await buy(bob, 1, 1n, FACE1); // token 3: tier 1 sold out
    await join(bob, 0, FACE0);
    await join(carol, 0, FACE0);
    await join(organizer, 0, FACE0);
    await join(carol, 1, FACE1);
    await send(organizer, { address: waitlist, abi: waitlistAbi, functionName: "leave", args: [ticket, 0] });
    await send(alice, { address: ticket, abi: eventTicketAbi, functionName: "approve", args: [market, 1n] });
    // A range ends just before the return, as a reorg's common ancestor always does (the last test rolls back to it).
    await t.sync.syncToHead();
    const returned = await send(alice, {
      address: waitlist,
      abi: waitlistAbi,
      functionName: "returnTicket",
      args: [ticket, 1n],
    });
    returnBlock = Number(returned.blockNumber);

    // A second event with resale capped at 90 % of face: a return pays the returner min(face, cap), the
    // rest of the head's deposit goes back to it, and TicketReturned.price says what the returner got.
    const cappedCreated = await send(organizer, {
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name: "Capped Live",
          symbol: "CAP",
          startTime: start,
          endTime: start + 86_400n,
          lockWindow: 0,
          maxPerWallet: 0,
          maxPerIdentity: 0,
          royaltyBps: 0,
          voucherSigner: ZERO,
          currency: ZERO,
        },
        [{ faceValue: FACE0, supply: 2, zones: 1, mode: 0, resaleCapBps: 9_000, voucherOnly: false, reserved: false }],
      ],
    });
    capped = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: cappedCreated.logs })[0]!.args
      .ticket;
    await send(alice, { address: capped, abi: eventTicketAbi, functionName: "buy", args: [0, 2n], value: FACE0 * 2n }); // tokens 1, 2: sold out
    await send(carol, { address: waitlist, abi: waitlistAbi, functionName: "join", args: [capped, 0], value: FACE0 });
    await send(organizer, {
      address: waitlist,
      abi: waitlistAbi,
      functionName: "join",
      args: [capped, 0],
      value: FACE0,
    });
    await send(alice, { address: capped, abi: eventTicketAbi, functionName: "approve", args: [market, 1n] });
    const cappedReturn = await send(alice, {
      address: waitlist,
      abi: waitlistAbi,
      functionName: "returnTicket",
      args: [capped, 1n],
    });
    const [served] = parseEventLogs({ abi: waitlistAbi, eventName: "TicketReturned", logs: cappedReturn.logs });
    expect(served!.args).toMatchObject({ from: a, to: c, price: (FACE0 * 9_000n) / 10_000n });
    await t.sync.syncToHead();
  }, 240_000); // PGlite start-up alone can take a minute on the shared machine
  afterAll(() => t.close());

  it("reports queue lengths per tier and a wallet's positions in join order", async () => {
    const res = await client.waitlist(ticket, { wallet: c.toLowerCase() });
    expect(res.contract).toBe(ticket);
    expect(res.wallet).toBe(c);
    expect(res.tiers).toEqual([
      { tier: 0, faceValue: FACE0.toString(), length: 1 },
      { tier: 1, faceValue: FACE1.toString(), length: 1 },
    ]);
    expect(res.entries.map((e) => [e.tier, e.position, e.seq, e.deposit])).toEqual([
      [0, 1, 2, FACE0.toString()],
      [1, 1, 1, FACE1.toString()],
    ]);
    expect((await client.waitlist(ticket, { wallet: b })).entries).toEqual([]);
    expect((await client.waitlist(ticket)).entries).toEqual([]);
  });

  it("closes entries as left or served, naming the returned token and who returned it", async () => {
    const rows = await t.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.contract, ticket.toLowerCase()))
      .orderBy(waitlistEntries.blockNumber);
    expect(
      rows.map((r) => [
        getAddress(r.wallet),
        r.tier,
        r.closedReason,
        r.servedTokenId,
        r.returnedBy && getAddress(r.returnedBy),
      ]),
    ).toEqual([
      [b, 0, "served", 1n, a],
      [c, 0, null, null, null],
      [org, 0, "left", null, null],
      [c, 1, null, null, null],
    ]);
  });

  it("marks the returned ticket's transfer as a waitlist hand-over at face value", async () => {
    const { ticket: row, provenance } = await client.ticket(ticket, 1n);
    expect(row.owner).toBe(b);
    expect(provenance.map((p) => [p.kind, p.from, p.to, p.price])).toEqual([
      ["mint", ZERO, a, null],
      ["waitlist", a, b, FACE0.toString()],
    ]);
  });

  it("records a return under a resale cap at the capped price, serving the head and keeping the rest in line", async () => {
    const rows = await t.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.contract, capped.toLowerCase()))
      .orderBy(waitlistEntries.blockNumber);
    expect(
      rows.map((r) => [
        getAddress(r.wallet),
        r.closedReason,
        r.servedTokenId,
        r.returnedBy && getAddress(r.returnedBy),
      ]),
    ).toEqual([
      [c, "served", 1n, a],
      [org, null, null, null],
    ]);
    const res = await client.waitlist(capped, { wallet: org });
    expect(res.tiers).toEqual([{ tier: 0, faceValue: FACE0.toString(), length: 1 }]);
    expect(res.entries.map((e) => [e.tier, e.position])).toEqual([[0, 1]]);
    const { ticket: row, provenance } = await client.ticket(capped, 1n);
    expect(row.owner).toBe(c);
    expect(provenance.map((p) => [p.kind, p.from, p.to, p.price])).toEqual([
      ["mint", ZERO, a, null],
      ["waitlist", a, c, ((FACE0 * 9_000n) / 10_000n).toString()],
    ]);
  });

  it("answers 400 for a bad wallet and 404 for an unknown event", async () => {
    await expect(client.waitlist(ticket, { wallet: "0x123" })).rejects.toMatchObject({
      details: { status: 400, apiCode: "INVALID_ADDRESS" },
    });
    const unknown = await client.waitlist(waitlist).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(IndexerClientError);
    expect(unknown).toMatchObject({ details: { status: 404, apiCode: "UNKNOWN_EVENT" } });
  });

  it("a rollback below the return reopens the served entry", async () => {
    await rollbackAbove(t.database.db, returnBlock - 1);
    const res = await client.waitlist(ticket, { wallet: b });
    expect(res.entries.map((e) => [e.tier, e.position])).toEqual([[0, 1]]);
    expect(res.tiers[0]!.length).toBe(2);
  });
});
