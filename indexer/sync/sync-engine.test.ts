import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import { events, tickets, transfers } from "../db/schema";
import type { Database } from "../db/types";
import { createChainFixture, type ChainFixture } from "../testing/chain-fixture";
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
});
