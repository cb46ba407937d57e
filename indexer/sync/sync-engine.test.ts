import { asc } from "drizzle-orm";
import { createPublicClient, custom, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractActivity, events, listings, refunds, sales, tickets, tiers, transfers } from "../db/schema";
import type { Database } from "../db/types";
import { chainActivity, TIER1_FACE } from "../testing/activity";
import { createChainFixture, type ChainFixture } from "../testing/chain-fixture";
import { dumpChainTables } from "../testing/dump-chain-tables";
import { resetDatabase, testDatabases } from "../testing/test-databases";
import { cursorId, writeCursor } from "./cursor";
import { WrongChainError, createSyncEngine, type SyncEngineOptions } from "./sync-engine";

const ZERO = "0x0000000000000000000000000000000000000000";
const kinds = testDatabases();

describe.each(kinds)("sync engine on $name", { timeout: 120_000 }, (kind) => {
  if (kind.skip) console.warn(`⚠ sync engine on ${kind.name} SKIPPED: ${kind.skip}`);
  let chain: ChainFixture;
  let database: Database;
  let activity: ReturnType<typeof chainActivity>;
  const opened: Database[] = [];

  // PGlite takes seconds to start on a busy machine: keep two spare databases and empty them for reuse.
  const spares: Database[] = [];
  let nextSpare = 0;
  const open = async () => {
    if (spares.length < 2) {
      const d = await kind.open();
      opened.push(d);
      spares.push(d);
      return d;
    }
    const d = spares[nextSpare++ % spares.length]!;
    await resetDatabase(d.db);
    return d;
  };
  const engine = (db: Database, extra: Partial<SyncEngineOptions> = {}) =>
    createSyncEngine({
      client: chain.publicClient,
      db: db.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 1000,
      pollIntervalMs: 20,
      log: () => {},
      ...extra,
    });

  beforeAll(async () => {
    if (kind.skip) return;
    chain = await createChainFixture();
    database = await kind.open();
    opened.push(database);
    activity = chainActivity({
      publicClient: chain.publicClient,
      wallets: [chain.organizer, chain.alice, chain.bob, chain.carol] as WalletClient[],
      factory: chain.factory,
    });
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
    await kind.shutdown();
  });

  it.skipIf(kind.skip)(
    "indexes every log family: tiers, mint paths, transfers, market, check-ins, recovery, cancellation, refunds",
    async () => {
      const a = chain.alice.account!.address.toLowerCase();
      const b = chain.bob.account!.address.toLowerCase();
      const c = chain.carol.account!.address.toLowerCase();
      const ticket = await activity.createTieredEvent("Fairgate Live");
      await activity.scenario(ticket, 0);
      const doomed = await activity.createTieredEvent("Rained Off");
      await activity.scenario(doomed, 1);
      await activity.cancelAndRefund(doomed);

      const sync = engine(database, { maxBlockRange: 3 }); // small, so many ranges are exercised
      await sync.syncToHead();
      expect(sync.status()).toMatchObject({ ok: true, lagBlocks: 0, role: "leader" });
      const t = ticket.toLowerCase();
      const db = database.db;

      const ev = await db.select().from(events).orderBy(asc(events.createdBlock));
      expect(ev.map((e) => [e.name, e.royaltyBps, e.tierCount, e.cancelledAt === null])).toEqual([
        ["Fairgate Live", 500, 2, true],
        ["Rained Off", 500, 2, false],
      ]);
      expect(ev[0]!.endTime).toBe(ev[0]!.startTime + 86_400n);
      const tierRows = await db.select().from(tiers).orderBy(asc(tiers.contract), asc(tiers.tier));
      expect(tierRows.filter((r) => r.contract === t).map((r) => [r.tier, r.mode, r.zones, r.resaleCapBps])).toEqual([
        [0, 0, 1, 15_000],
        [1, 1, 3, 10_000],
      ]);

      const own = (await db.select().from(tickets).orderBy(asc(tickets.tokenId))).filter((r) => r.contract === t);
      // scenario(0): 1..3 tier 0 to a,b,c; 4 bought by a, 5 tier 1 to a; 6..7 bought by b; 1 a→c; 4 sold a→b; 5 recovered a→c; 2,3 checked in.
      expect(own.map((r) => [r.tokenId, r.owner, r.tier, r.paid, r.checkedInBlock !== null])).toEqual([
        [1n, c, 0, false, false],
        [2n, b, 0, false, true],
        [3n, c, 0, false, true],
        [4n, b, 1, true, false],
        [5n, c, 1, false, false],
        [6n, b, 0, true, false],
        [7n, b, 0, true, false],
      ]);

      const history = (
        await db.select().from(transfers).orderBy(asc(transfers.blockNumber), asc(transfers.logIndex))
      ).filter((r) => r.contract === t);
      expect(history.filter((h) => h.kind === "mint")).toHaveLength(7);
      expect(history.filter((h) => h.kind !== "mint").map((h) => [h.tokenId, h.from, h.to, h.kind, h.price])).toEqual([
        [1n, a, c, "transfer", null],
        [4n, a, b, "sale", TIER1_FACE],
        [5n, a, c, "recovery", null],
      ]);
      expect(history.every((h) => /^0x[0-9a-f]{64}$/.test(h.txHash))).toBe(true);

      const sale = (await db.select().from(sales)).filter((s) => s.contract === t);
      expect(sale.map((s) => [s.tokenId, s.buyer, s.seller, s.price, s.royalty])).toEqual([
        [4n, b, a, TIER1_FACE, TIER1_FACE / 20n],
      ]);
      const lst = (await db.select().from(listings).orderBy(asc(listings.blockNumber))).filter((l) => l.contract === t);
      expect(lst.map((l) => [l.tokenId, l.closedReason])).toEqual([
        [4n, "sold"],
        [1n, "replaced"],
        [1n, "cancelled"],
        [6n, null],
      ]);

      const refunded = (await db.select().from(refunds)).filter((r) => r.contract === doomed.toLowerCase());
      expect(refunded.map((r) => r.tokenId).sort()).toEqual([4n, 6n, 7n]);
      const doomedTickets = (await db.select().from(tickets)).filter(
        (r) => r.contract === doomed.toLowerCase() && r.refundedBlock !== null,
      );
      expect(doomedTickets).toHaveLength(3);
      const activityNames = (await db.select().from(contractActivity)).map((x) => x.name).sort();
      expect(activityNames).toEqual(["EventCancelled", "TicketRecovered", "TicketRecovered"]);
    },
  );

  it.skipIf(kind.skip)(
    "gives the same mirror whatever the range size, and re-applying ranges changes nothing",
    async () => {
      const one = await open();
      await engine(one, { maxBlockRange: 1 }).syncToHead();
      const reference = await dumpChainTables(database.db);
      expect(await dumpChainTables(one.db)).toEqual(reference);

      // Rewind the cursor as a lost commit would, then sync again over the same rows.
      await writeCursor(one.db, cursorId(chain.chainId, chain.factory), chain.chainId, chain.fromBlock - 1);
      await engine(one, { maxBlockRange: 2 }).syncToHead();
      expect(await dumpChainTables(one.db)).toEqual(reference);

      // With no finality depth every range is read ahead while the one before is written
      // (empty blocks first, so there are several ranges even when this test runs alone).
      await chain.mineBlocks(6);
      const ahead = await open();
      const reading = engine(ahead, { maxBlockRange: 2, finalityDepth: 0 });
      await reading.syncToHead();
      expect(reading.status().counters.rangesPrefetched).toBeGreaterThan(0);
      expect(await dumpChainTables(ahead.db)).toEqual(reference);
    },
  );

  it.skipIf(kind.skip)(
    "rolls back a reorg (evm_snapshot / evm_revert) to equal a fresh sync of the final chain",
    async () => {
      const ticket = await activity.createTieredEvent("Reorg Night");
      const reorgDb = await open();
      const lines: string[] = [];
      const sync = engine(reorgDb, { maxBlockRange: 4, log: (l) => lines.push(l) });
      await sync.syncToHead();

      const snapshot = await chain.publicClient.request({ method: "evm_snapshot" as never });
      await activity.scenario(ticket, 0); // branch A: sale, check-ins, recovery...
      await sync.syncToHead();
      const onA = await dumpChainTables(reorgDb.db);
      expect((onA.sales as unknown[]).length).toBeGreaterThan(0);

      await chain.publicClient.request({ method: "evm_revert" as never, params: [snapshot] as never });
      await activity.scenario(ticket, 1); // branch B: different owners, prices, check-ins
      await chain.mineBlocks(3);
      await sync.syncToHead();
      expect(lines.some((l) => l.startsWith("reorg:"))).toBe(true);
      expect(sync.status().counters.reorgs).toBeGreaterThan(0);

      const fresh = await open();
      await engine(fresh).syncToHead();
      const onB = await dumpChainTables(reorgDb.db);
      expect(onB).toEqual(await dumpChainTables(fresh.db));
      expect(onB).not.toEqual(onA);
    },
  );

  it.skipIf(kind.skip)("shrinks eth_getLogs ranges the provider refuses and retries 429s", async () => {
    let refusals = 0;
    let throttled = 0;
    const picky = createPublicClient({
      transport: custom(
        {
          request: async (args: { method: string; params?: unknown }) => {
            if (args.method === "eth_getLogs") {
              const [{ fromBlock, toBlock }] = args.params as [{ fromBlock: string; toBlock: string }];
              if (Number(toBlock) - Number(fromBlock) >= 5) {
                refusals++;
                throw Object.assign(new Error("query returned more than 10000 results"), { code: -32005 });
              }
              if (throttled++ % 7 === 3) throw Object.assign(new Error("Too Many Requests"), { code: 429 });
            }
            return chain.publicClient.request(args as never);
          },
        },
        { retryCount: 0 },
      ),
    }) as PublicClient;
    const d = await open();
    const sync = createSyncEngine({
      client: picky,
      db: d.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 64,
      pollIntervalMs: 20,
      retry: { attempts: 4, baseDelayMs: 1 },
      log: () => {},
    });
    await sync.syncToHead();
    expect(refusals).toBeGreaterThan(0);
    expect(sync.status().counters.rangeShrinks).toBeGreaterThan(0);
    expect(sync.status().counters.rangeSize).toBeLessThanOrEqual(8);
    const reference = await open();
    await engine(reference).syncToHead();
    expect(await dumpChainTables(d.db)).toEqual(await dumpChainTables(reference.db));
  });

  it.skipIf(kind.skip)(
    "treats a head below the indexed block whose own block is still on chain as stale (no rollback), and refuses another chain's RPC",
    async () => {
      let staleBy = 0;
      let chainIdAnswer: string | null = null;
      const lying = createPublicClient({
        transport: custom(
          {
            request: async (args: { method: string; params?: unknown }) => {
              if (args.method === "eth_chainId" && chainIdAnswer) return chainIdAnswer;
              const answer = (await chain.publicClient.request(args as never)) as unknown;
              return args.method === "eth_blockNumber"
                ? `0x${(BigInt(answer as string) - BigInt(staleBy)).toString(16)}`
                : answer;
            },
          },
          { retryCount: 0 },
        ),
      }) as PublicClient;
      const d = await open();
      const lines: string[] = [];
      const sync = engine(d, { client: lying, log: (l) => lines.push(l) });
      await chain.mineBlocks(3);
      await sync.syncToHead();
      const before = await dumpChainTables(d.db);
      staleBy = 2; // a load-balanced backend two blocks behind
      expect(await sync.step()).toBeNull();
      expect(sync.status().counters.reorgs).toBe(0);
      expect(lines.filter((l) => l.startsWith("reorg:"))).toEqual([]);
      staleBy = 0;
      chainIdAnswer = "0x1"; // a misrouted RPC: loading must refuse it rather than index or roll back
      const fresh = engine(d, { client: lying, log: () => {} });
      await expect(fresh.step()).rejects.toThrow(WrongChainError);
      expect(fresh.status()).toMatchObject({ ok: false, lastError: expect.stringContaining("serves chain 1") });
      expect(await dumpChainTables(d.db)).toEqual(before);
    },
  );

  it.skipIf(kind.skip)("survives RPC failures: reports them, retries, recovers", async () => {
    let failing = true;
    let calls = 0;
    const flaky = createPublicClient({
      transport: custom(
        {
          request: async (args: { method: string; params?: unknown }) => {
            calls++;
            if (failing) throw new Error("connection refused");
            return chain.publicClient.request(args as never);
          },
        },
        { retryCount: 0 },
      ),
    }) as PublicClient;
    const lines: string[] = [];
    const d = await open();
    const sync = createSyncEngine({
      client: flaky,
      db: d.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 100,
      pollIntervalMs: 20,
      maxBackoffMs: 50,
      retry: { attempts: 2, baseDelayMs: 1 },
      log: (l) => lines.push(l),
    });
    await expect(sync.step()).rejects.toThrow();
    expect(sync.status()).toMatchObject({ ok: false, lastError: expect.stringContaining("connection refused") });

    sync.start();
    for (let i = 0; i < 100 && calls <= 4; i++) await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBeGreaterThan(4); // kept retrying, process still alive
    expect(lines.some((l) => l.includes("step failed"))).toBe(true);

    failing = false;
    for (let i = 0; i < 300 && !(sync.status().ok && sync.status().lagBlocks === 0); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(sync.status()).toMatchObject({ ok: true, lagBlocks: 0 });
    expect(sync.status().lastError).toBeUndefined();
    await sync.stop();
  });

  it.skipIf(kind.skip)(
    "re-indexes from scratch when no stored block survives (e.g. a restarted dev node)",
    async () => {
      const fresh = await createChainFixture(); // same deployer and nonce, so the same factory address
      expect(fresh.factory).toBe(chain.factory);
      const ticket = await fresh.createEvent("Second Life");
      await fresh.mint(ticket, [fresh.carol.account!.address]);
      await fresh.mineBlocks(20);
      const lines: string[] = [];
      const sync = createSyncEngine({
        client: fresh.publicClient,
        db: database.db,
        chainId: fresh.chainId,
        factory: fresh.factory,
        fromBlock: fresh.fromBlock,
        maxBlockRange: 1000,
        pollIntervalMs: 50,
        log: (l) => lines.push(l),
      });
      await sync.syncToHead();
      expect(lines.some((l) => l.includes("chain diverged"))).toBe(true);
      expect((await database.db.select().from(events)).map((e) => e.name)).toEqual(["Second Life"]);
      expect((await database.db.select().from(tickets)).map((x) => x.owner)).toEqual([
        fresh.carol.account!.address.toLowerCase(),
      ]);
      expect(await database.db.select().from(transfers)).toHaveLength(1);
      expect(sync.status()).toMatchObject({ ok: true, lagBlocks: 0 });
      expect(ZERO).toBe("0x0000000000000000000000000000000000000000");
    },
  );
});
