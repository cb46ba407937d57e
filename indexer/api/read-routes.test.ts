/**
 * The read API through the typed client (lib/indexer-client), so every response is also checked
 * against the shared schemas: tickets, provenance, events with live counts, listings, sales,
 * metrics, the change stream, and 400s for bad parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getAddress, parseEventLogs, zeroAddress, type Abi, type Address, type Hex, type WalletClient } from "viem";
import { ticketFactoryAbi } from "../../lib/generated/abis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createIndexerClient,
  IndexerClientError,
  type ChangeEvent,
  type IndexerClient,
} from "../../lib/indexer-client";
import { chainActivity, TIER0_FACE, TIER1_FACE } from "../testing/activity";
import { createTestApp, type TestApp } from "../testing/test-app";

describe("read API via the typed client", { timeout: 120_000 }, () => {
  let t: TestApp;
  let client: IndexerClient;
  let ticket: Address;
  let a: Address, b: Address, c: Address;

  beforeAll(async () => {
    t = await createTestApp();
    client = createIndexerClient({
      baseUrl: "http://indexer.test",
      fetch: ((input: string | URL | Request, init?: RequestInit) =>
        t.app.request(String(input).replace("http://indexer.test", ""), init)) as typeof fetch,
    });
    [a, b, c] = [t.chain.alice, t.chain.bob, t.chain.carol].map((w) => getAddress(w.account!.address)) as [
      Address,
      Address,
      Address,
    ];
    const activity = chainActivity({
      publicClient: t.chain.publicClient,
      wallets: [t.chain.organizer, t.chain.alice, t.chain.bob, t.chain.carol] as WalletClient[],
      factory: t.chain.factory,
    });
    ticket = await activity.createTieredEvent("Fairgate Live");
    await activity.scenario(ticket, 0);
    await t.sync.syncToHead();
  });
  afterAll(() => t.close());

  it("GET /tickets?owner lists tickets with tier, zones, mode and state", async () => {
    const { owner, tickets } = await client.ticketsByOwner(c.toLowerCase());
    expect(owner).toBe(c);
    expect(tickets.map((x) => [x.tokenId, x.tier, x.zones, x.transferMode, x.checkedIn, x.checkedInOnChain])).toEqual([
      ["1", 0, 1, "free", false, false],
      ["3", 0, 1, "free", true, true],
      ["5", 1, 3, "market-only", false, false],
    ]);
    expect(tickets[0]).toMatchObject({
      contract: ticket,
      owner: c,
      eventName: "Fairgate Live",
      faceValue: TIER0_FACE.toString(),
      maxResalePrice: ((TIER0_FACE * 15_000n) / 10_000n).toString(),
      eventCancelled: false,
      identityBound: false,
    });
    expect(
      (await client.ticketsByOwner(c, { contract: ticket, limit: 1, offset: 1 })).tickets.map((x) => x.tokenId),
    ).toEqual(["3"]);
  });

  it("GET /tickets/:contract/:tokenId gives full provenance with the sale price", async () => {
    const sold = await client.ticket(ticket, 4n);
    expect(sold.ticket).toMatchObject({ owner: b, tier: 1, transferMode: "market-only" });
    expect(sold.provenance.map((p) => [p.kind, p.from, p.to, p.price])).toEqual([
      ["mint", "0x0000000000000000000000000000000000000000", a, null],
      ["sale", a, b, TIER1_FACE.toString()],
    ]);
    expect(sold.provenance[1]!.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const listed = await client.ticket(ticket, "6");
    expect(listed.listing).toMatchObject({ seller: b, price: TIER0_FACE.toString(), status: "open", stale: false });
    const recovered = await client.ticket(ticket, 5n);
    expect(recovered.provenance.map((p) => p.kind)).toEqual(["mint", "recovery"]);
    await expect(client.ticket(ticket, 999n)).rejects.toMatchObject({ status: 404, apiCode: "NOT_FOUND" });
  });

  it("GET /events/:address gives rules, tiers and live counts; no-shows once the event started", async () => {
    const before = await client.event(ticket);
    expect(before.event).toMatchObject({ name: "Fairgate Live", royaltyBps: 500, cancelled: false, lockWindow: 0 });
    expect(before.event.currency).toEqual({
      address: "0x0000000000000000000000000000000000000000",
      symbol: "ETH",
      decimals: 18,
    });
    expect(before.tiers.map((x) => [x.tier, x.transferMode, x.minted, x.checkedIn])).toEqual([
      [0, "free", 5, 2],
      [1, "market-only", 2, 0],
    ]);
    expect(before.counts).toEqual({
      minted: 7,
      sold: 3,
      resold: 1,
      checkedInOnChain: 2,
      admittedAtGate: 0,
      attended: 2,
      noShows: null,
      refunded: 0,
      openListings: 1,
      holders: 2,
    });
    // Per tier (what `fairgate status` reads): they add up to the event's counts.
    const sumOf = (k: "sold" | "resold" | "refunded" | "attended" | "absent") =>
      before.tiers.reduce((n, x) => n + x[k]!, 0);
    expect([sumOf("sold"), sumOf("resold"), sumOf("refunded"), sumOf("attended"), sumOf("absent")]).toEqual([
      3, 1, 0, 2, 5,
    ]);
    t.clock.advance(31 * 86_400_000); // past the start
    const after = await client.event(ticket);
    expect(after.counts.noShows).toBe(5);
    t.clock.advance(-31 * 86_400_000);
    expect((await client.events()).events.map((e) => [e.address, e.ticketCount])).toEqual([[ticket, 7]]);
  });

  it("GET /events/:address names a stablecoin event's token, symbol and decimals (read once at discovery)", async () => {
    const artifact = JSON.parse(
      readFileSync(join(process.cwd(), "artifacts/contracts/test/mocks/MockUSD.sol/MockUSD.json"), "utf8"),
    ) as { abi: Abi; bytecode: Hex };
    const org = t.chain.organizer;
    const mined = (hash: Hex) => t.chain.publicClient.waitForTransactionReceipt({ hash });
    const usd = (
      await mined(
        await org.deployContract({
          abi: artifact.abi,
          bytecode: artifact.bytecode,
          account: org.account!,
          chain: org.chain,
        }),
      )
    ).contractAddress!;
    const start = 2_000_000_000n;
    const receipt = await mined(
      await org.writeContract({
        address: t.chain.factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [
          {
            name: "Stable Night",
            symbol: "SN",
            startTime: start,
            endTime: start + 3_600n,
            lockWindow: 0,
            maxPerWallet: 0,
            maxPerIdentity: 0,
            royaltyBps: 500,
            voucherSigner: zeroAddress,
            currency: usd,
          },
          [
            {
              faceValue: 25_000_000n,
              supply: 10,
              zones: 1,
              mode: 0,
              resaleCapBps: 10_000,
              voucherOnly: false,
              reserved: false,
            },
          ],
        ],
        account: org.account!,
        chain: org.chain,
      }),
    );
    const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
    await t.sync.syncToHead();
    const detail = await client.event(created!.args.ticket);
    expect(detail.event.currency).toEqual({ address: getAddress(usd), symbol: "mUSD", decimals: 6 });
    expect(detail.tiers[0]).toMatchObject({ faceValue: "25000000", maxResalePrice: "25000000" });
  });

  it("GET /listings and /sales: open listings with caps, sales against face and cap", async () => {
    const open = await client.listings({ contract: ticket });
    expect(open.listings.map((l) => [l.tokenId, l.status])).toEqual([["6", "open"]]);
    const all = await client.listings({ contract: ticket, status: "all" });
    expect(all.listings.map((l) => l.status)).toEqual(["open", "cancelled", "replaced", "sold"]);
    // One ticket's listings, every status, with its tier (the app's ticket history and resale list read these).
    const one = await client.listings({ contract: ticket, tokenId: 4n, status: "all" });
    expect(one.listings.map((l) => [l.tokenId, l.tier, l.status])).toEqual([["4", 1, "sold"]]);
    expect(open.listings[0]!.tier).toBe(0);
    const { sales, stats } = await client.sales({ contract: ticket });
    expect(sales).toEqual([
      expect.objectContaining({
        tokenId: "4",
        buyer: b,
        seller: a,
        price: TIER1_FACE.toString(),
        royalty: (TIER1_FACE / 20n).toString(),
        maxResalePrice: TIER1_FACE.toString(),
        priceToFaceBps: 10_000,
      }),
    ]);
    expect(stats).toMatchObject({ count: 1, volume: TIER1_FACE.toString(), royalties: (TIER1_FACE / 20n).toString() });
    expect((await client.sales({ account: c })).sales).toEqual([]);
  });

  it("GET /analytics/:contract/primary-sales: face-value sales per block and the ticket counts, as the event detail counts them", async () => {
    const sales = await client.analytics.primarySales(ticket);
    const { counts } = await client.event(ticket);
    expect(sales.contract).toBe(ticket);
    expect(sales.blocks.map((b) => b.sold)).toEqual([1, 2]); // the scenario's buy of 1 (tier 1), then of 2 (tier 0)
    expect(sales.blocks.reduce((n, b) => n + b.sold, 0)).toBe(counts.sold);
    expect(sales).toMatchObject({
      minted: counts.minted,
      checkedInOnChain: counts.checkedInOnChain,
      attended: counts.attended,
      refunded: counts.refunded,
      sold: counts.sold,
    });
    expect(sales.checkedInOnChain).toBeGreaterThan(0);
    expect(sales.capacity).toBeGreaterThanOrEqual(sales.minted);
    expect(sales.revenue).toBe((TIER1_FACE + 2n * TIER0_FACE).toString()); // the two buys at face value
    await expect(client.analytics.primarySales("0x00000000000000000000000000000000000b0b00")).rejects.toMatchObject({
      status: 404,
      apiCode: "UNKNOWN_EVENT",
    });
  });

  it("answers bad parameters with 400 and a message", async () => {
    const cases: [string, string][] = [
      ["/tickets?owner=0x123", "INVALID_ADDRESS"],
      [`/tickets?owner=${a}&contract=nope`, "INVALID_ADDRESS"],
      [`/tickets?owner=${a}&limit=0`, "BAD_REQUEST"],
      [`/tickets/${ticket}/-1`, "BAD_REQUEST"],
      [`/tickets/${ticket}/1e3`, "BAD_REQUEST"],
      [`/tickets/${ticket}/${"9".repeat(80)}`, "BAD_REQUEST"],
      ["/tickets/0xzz/1", "BAD_REQUEST"],
      ["/events/0x12", "INVALID_ADDRESS"],
      ["/listings?status=closed", "BAD_REQUEST"],
      ["/listings?seller=bob", "BAD_REQUEST"],
      [`/listings?contract=${ticket}&tokenId=-1`, "BAD_REQUEST"],
      ["/sales?offset=-5", "BAD_REQUEST"],
      ["/sales?account=0x", "BAD_REQUEST"],
    ];
    for (const [path, code] of cases) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, path).toBe(code);
      expect(body.error.message.length, path).toBeGreaterThan(3);
    }
    await expect(client.ticketsByOwner("bob")).rejects.toBeInstanceOf(IndexerClientError);
  });

  it("GET /metrics speaks Prometheus text", async () => {
    const text = await client.metrics();
    expect(text).toMatch(/^# HELP fairgate_chain_head_block /m);
    expect(text).toMatch(/^fairgate_lag_blocks 0$/m);
    expect(text).toMatch(/^fairgate_logs_indexed_total [1-9]\d*$/m);
    expect(text).toMatch(/^fairgate_http_requests_total\{method="GET",route="\/tickets",status="200"\} \d+$/m);
    // The memory split the benchmark samples: RSS vs V8 heap vs external (PGlite's WebAssembly memory).
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1]);
    expect(gauge("process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(gauge("nodejs_heap_used_bytes")).toBeGreaterThan(0);
    expect(gauge("nodejs_heap_total_bytes")).toBeGreaterThanOrEqual(gauge("nodejs_heap_used_bytes"));
    expect(gauge("nodejs_external_memory_bytes")).toBeGreaterThanOrEqual(gauge("nodejs_array_buffers_bytes"));
    for (const line of text.trim().split("\n"))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });

  it("GET /stream pushes a change for each committed range", async () => {
    const seen: ChangeEvent[] = [];
    const stop = client.watchChanges((e) => seen.push(e), { retryMs: 50 });
    try {
      await new Promise((r) => setTimeout(r, 100)); // subscribed
      await t.chain.transfer(ticket, t.chain.carol, a, 1n);
      await t.sync.syncToHead();
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    expect(seen[0]).toMatchObject({ type: "range", logs: 1, events: { Transfer: 1 }, contracts: [ticket] });
    expect((await client.ticket(ticket, 1n)).ticket.owner).toBe(a);
  });

  it("GET /health through the client", async () => {
    expect(await client.health()).toMatchObject({ ok: true, lagBlocks: 0, role: "leader" });
  });
});
