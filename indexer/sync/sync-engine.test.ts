import { asc } from "drizzle-orm";
import { createPublicClient, custom, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import { events, tickets, transfers } from "../db/schema";
import type { Database } from "../db/types";
import { createChainFixture, type ChainFixture } from "../testing/chain-fixture";
import { cursorId, writeCursor } from "./cursor";
import { createSyncEngine, type SyncEngine } from "./sync-engine";

const ZERO = "0x0000000000000000000000000000000000000000";

describe("sync engine", { timeout: 60_000 }, () => {
  let chain: ChainFixture;
  let database: Database;
  let sync: SyncEngine;

  beforeAll(async () => {
    chain = await createChainFixture();
    database = await openPglite(IN_MEMORY);
    sync = createSyncEngine({
      client: chain.publicClient,
      db: database.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 3, // small, so several ranges are exercised
      pollIntervalMs: 50,
      log: () => {},
    });
  });
  afterAll(async () => {
    await sync.stop();
    await database.close();
  });

  it("discovers an event, its mints and transfers", async () => {
    const a = chain.alice.account!.address;
    const b = chain.bob.account!.address;
    const ticket = await chain.createEvent("Fairgate Live");
    await chain.mint(ticket, [a, a, b]);
    await chain.transfer(ticket, chain.alice, b, 2n);
    await chain.mineBlocks(5);

    await sync.syncToHead();
    const status = sync.status();
    expect(status.ok).toBe(true);
    expect(status.lagBlocks).toBe(0);

    const ev = await database.db.select().from(events);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ address: ticket.toLowerCase(), name: "Fairgate Live", startTime: 2_000_000_000n });

    const owners = await database.db.select().from(tickets).orderBy(asc(tickets.tokenId));
    expect(owners.map((t) => [t.tokenId, t.owner])).toEqual([
      [1n, a.toLowerCase()],
      [2n, b.toLowerCase()],
      [3n, b.toLowerCase()],
    ]);

    const history = await database.db.select().from(transfers).orderBy(asc(transfers.blockNumber), asc(transfers.logIndex));
    expect(history.map((t) => [t.tokenId, t.from, t.to])).toEqual([
      [1n, ZERO, a.toLowerCase()],
      [2n, ZERO, a.toLowerCase()],
      [3n, ZERO, b.toLowerCase()],
      [2n, a.toLowerCase(), b.toLowerCase()],
    ]);
    expect(history.every((t) => /^0x[0-9a-f]{64}$/.test(t.txHash))).toBe(true);
  });

  it("is idempotent: a second engine over the same rows changes nothing", async () => {
    const before = await database.db.select().from(transfers);
    const again = createSyncEngine({
      client: chain.publicClient,
      db: database.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 1000,
      pollIntervalMs: 50,
      log: () => {},
    });
    await again.syncToHead();
    expect(await again.step()).toBeNull();
    expect(await database.db.select().from(transfers)).toEqual(before);
  });

  it("is idempotent: re-applying already indexed blocks changes nothing", async () => {
    const snapshot = async () => ({
      transfers: await database.db.select().from(transfers).orderBy(asc(transfers.blockNumber), asc(transfers.logIndex)),
      tickets: await database.db.select().from(tickets).orderBy(asc(tickets.tokenId)),
      events: await database.db.select().from(events),
    });
    const before = await snapshot();
    // Rewind the cursor as a crash between commit and bookkeeping would, then sync again.
    await writeCursor(database.db, cursorId(chain.chainId, chain.factory), chain.chainId, chain.fromBlock - 1);
    const rerun = createSyncEngine({
      client: chain.publicClient,
      db: database.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 2,
      pollIntervalMs: 50,
      log: () => {},
    });
    await rerun.syncToHead();
    expect(await snapshot()).toEqual(before);
  });

  it("survives RPC failures: reports them, retries, recovers", async () => {
    let failing = true;
    let calls = 0;
    const flaky = createPublicClient({
      transport: custom({
        request: async (args: { method: string; params?: unknown }) => {
          calls++;
          if (failing) throw new Error("connection refused");
          return chain.publicClient.request(args as never);
        },
      }, { retryCount: 0 }),
    }) as PublicClient;
    const lines: string[] = [];
    const engine = createSyncEngine({
      client: flaky,
      db: database.db,
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      maxBlockRange: 100,
      pollIntervalMs: 20,
      maxBackoffMs: 50,
      retry: { attempts: 2, baseDelayMs: 1 },
      log: (l) => lines.push(l),
    });
    await expect(engine.step()).rejects.toThrow();
    expect(engine.status()).toMatchObject({ ok: false, lastError: expect.stringContaining("connection refused") });

    engine.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBeGreaterThan(4); // kept retrying, process still alive
    expect(lines.some((l) => l.includes("step failed"))).toBe(true);

    failing = false;
    for (let i = 0; i < 100 && !engine.status().ok; i++) await new Promise((r) => setTimeout(r, 20));
    expect(engine.status()).toMatchObject({ ok: true, lagBlocks: 0 });
    expect(engine.status().lastError).toBeUndefined();
    await engine.stop();
  });

  it("re-indexes from scratch when the chain under the cursor changed (e.g. a restarted dev node)", async () => {
    const fresh = await createChainFixture(); // same deployer and nonce, so the same factory address
    expect(fresh.factory).toBe(chain.factory);
    const ticket = await fresh.createEvent("Second Life");
    await fresh.mint(ticket, [fresh.carol.account!.address]);
    await fresh.mineBlocks(20);
    const lines: string[] = [];
    const engine = createSyncEngine({
      client: fresh.publicClient,
      db: database.db,
      chainId: fresh.chainId,
      factory: fresh.factory,
      fromBlock: fresh.fromBlock,
      maxBlockRange: 1000,
      pollIntervalMs: 50,
      log: (l) => lines.push(l),
    });
    await engine.syncToHead();
    expect(lines.some((l) => l.includes("chain diverged"))).toBe(true);
    expect((await database.db.select().from(events)).map((e) => e.name)).toEqual(["Second Life"]);
    expect(await database.db.select().from(tickets)).toHaveLength(1);
    expect(engine.status()).toMatchObject({ ok: true, lagBlocks: 0 });
  });
});
