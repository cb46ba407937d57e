/**
 * The indexer as a real process against a real Hardhat node, on PGlite and on PostgreSQL:
 * a real reorg (evm_snapshot / evm_revert, then a longer different branch), SIGKILL at random
 * points during backfill, and (PostgreSQL) two instances sharing one database with failover.
 * Each ends by comparing the process's database with a fresh sync of the final chain.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, http, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fairgateChain } from "../../lib/chain";
import { IN_MEMORY, openPglite } from "../../indexer/db/open-pglite";
import { openPostgres } from "../../indexer/db/open-postgres";
import type { Database } from "../../indexer/db/types";
import { createSyncEngine } from "../../indexer/sync/sync-engine";
import { chainActivity } from "../../indexer/testing/activity";
import { dumpChainTables } from "../../indexer/testing/dump-chain-tables";
import { freshPostgresUrl, resetDatabase, stopTestPostgres } from "../../indexer/testing/test-databases";
import { localClients } from "../../scripts/lib/local-clients";
import { ProcessGroup } from "../../scripts/lib/process-group";
import { waitFor } from "../../scripts/lib/wait";
import { startChainNode, type ChainNode } from "../../scripts/lib/chain-node";
import { health, startIndexerProcess, waitIndexed } from "../../scripts/lib/indexer-process";
import { postgresSkipReason } from "../helpers/postgres-server";

type Storage = { dataDir?: string; databaseUrl?: string };
const kinds = [
  { name: "pglite", skip: undefined },
  { name: "postgres", skip: postgresSkipReason },
] as const;

describe.each(kinds)("indexer process on $name", (kind) => {
  if (kind.skip) console.warn(`\n⚠ indexer process on ${kind.name} SKIPPED: ${kind.skip}\n`);
  let group: ProcessGroup;
  let dir: string;
  let node: ChainNode;
  let publicClient: PublicClient;
  let activity: ReturnType<typeof chainActivity>;
  let reference: Database;
  let storageCount = 0;

  async function storage(): Promise<Storage> {
    if (kind.name === "postgres") return { databaseUrl: await freshPostgresUrl() };
    return { dataDir: join(dir, `pglite-${++storageCount}`) };
  }
  const openStorage = (s: Storage) =>
    s.databaseUrl ? openPostgres(s.databaseUrl, { poolSize: 2 }) : openPglite(s.dataDir!);
  const start = (s: Storage, env: Record<string, string> = {}, name?: string) =>
    startIndexerProcess(group, {
      rpcUrl: node.rpcUrl,
      factory: node.factory,
      fromBlock: node.fromBlock,
      ...s,
      env,
      ...(name ? { name } : {}),
    });
  const head = async () => Number(await publicClient.getBlockNumber({ cacheTime: 0 }));

  /** What a fresh sync of the chain as it is now gives. */
  async function freshDump() {
    await resetDatabase(reference.db);
    const sync = createSyncEngine({
      client: publicClient,
      db: reference.db,
      chainId: 31337,
      factory: node.factory,
      fromBlock: node.fromBlock,
      maxBlockRange: 1000,
      pollIntervalMs: 50,
      log: () => {},
    });
    await sync.syncToHead();
    return dumpChainTables(reference.db);
  }

  async function dumpOf(s: Storage) {
    const d = await openStorage(s);
    try {
      return await dumpChainTables(d.db);
    } finally {
      await d.close();
    }
  }

  beforeAll(async () => {
    if (kind.skip) return;
    group = new ProcessGroup();
    dir = await mkdtemp(join(tmpdir(), "fairgate-indexer-e2e-"));
    node = await startChainNode(group, join(dir, "deployments.json"));
    const local = await localClients(node.rpcUrl);
    publicClient = createPublicClient({
      chain: fairgateChain(31337, node.rpcUrl),
      transport: http(node.rpcUrl),
      pollingInterval: 50,
    }) as PublicClient;
    activity = chainActivity({
      publicClient,
      wallets: local.accounts.slice(0, 6).map((a) => local.wallet(a)) as unknown as WalletClient[],
      factory: node.factory,
    });
    reference = await openPglite(IN_MEMORY);
  });
  afterAll(async () => {
    await reference?.close();
    await group?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (kind.name === "postgres") await stopTestPostgres();
  });

  it.skipIf(kind.skip)("follows a real reorg with transfers, sales and check-ins on both branches", async () => {
    const ticket = await activity.createTieredEvent("Reorg Live");
    await activity.scenario(ticket, 0);
    const s = await storage();
    const indexer = await start(s);
    await waitIndexed(indexer.url, await head());

    const snapshot = await publicClient.request({ method: "evm_snapshot" as never });
    await activity.scenario(ticket, 1); // branch A
    const headA = await head();
    await waitIndexed(indexer.url, headA);
    const ownerOnA = await (await fetch(`${indexer.url}/tickets/${ticket}/${9}`)).json();

    await publicClient.request({ method: "evm_revert" as never, params: [snapshot] as never });
    expect(await head()).toBeLessThan(headA);
    await activity.scenario(ticket, 2); // branch B: other owners, prices and check-ins
    await publicClient.request({ method: "hardhat_mine" as never, params: ["0x5"] as never });
    const headB = await head();
    expect(headB).toBeGreaterThan(headA);
    await waitIndexed(indexer.url, headB);
    const ownerOnB = await (await fetch(`${indexer.url}/tickets/${ticket}/${9}`)).json();
    expect(ownerOnB).not.toEqual(ownerOnA);

    await indexer.kill("SIGTERM");
    expect(indexer.proc.output.some((l) => l.includes("reorg:"))).toBe(true);
    const expected = await freshDump();
    expect((expected.sales as unknown[]).length).toBeGreaterThan(0);
    expect(await dumpOf(s)).toEqual(expected);
  });

  it.skipIf(kind.skip)("loses and duplicates nothing when killed with SIGKILL at random points", async () => {
    const ticket = await activity.createTieredEvent("Crash Course");
    for (let v = 0; v < 3; v++) await activity.scenario(ticket, v);
    await activity.shuffle(ticket, 20, 1);
    const s = await storage();
    // Tiny ranges: the backfill is many transactions, so a kill lands inside one.
    const env = { MAX_BLOCK_RANGE: "2", POLL_INTERVAL_MS: "50" };
    const kills: number[] = [];
    for (let round = 0; round < 4; round++) {
      const indexer = await start(s, env);
      const at = Math.floor(Math.random() * 1_500);
      await new Promise((r) => setTimeout(r, at));
      const before = await health(indexer.url).catch(() => null);
      await indexer.kill("SIGKILL");
      kills.push(before?.indexedBlock ?? -1);
      // The chain moves on while the indexer is down.
      if (round % 2 === 1) await activity.shuffle(ticket, 3, round);
    }
    const indexer = await start(s, env);
    await waitIndexed(indexer.url, await head(), 120_000);
    await indexer.kill("SIGTERM");
    console.log(`SIGKILLed at indexed blocks ${kills.join(", ")} (head ${await head()})`);
    expect(await dumpOf(s)).toEqual(await freshDump());
  });

  // PostgreSQL only: PGlite is one process per folder by design.
  if (kind.name === "postgres")
    it.skipIf(kind.skip)(
      "two instances on one PostgreSQL: one syncs, both serve, the other takes over when it dies",
      async () => {
        const s = await storage();
        const env = { LEASE_POLL_MS: "300" };
        const a = await start(s, env, "indexer-a");
        const b = await start(s, env, "indexer-b");
        const ticket = await activity.createTieredEvent("Two Doors");
        await activity.scenario(ticket, 0);
        const target = await head();
        await Promise.all([waitIndexed(a.url, target), waitIndexed(b.url, target)]);
        const roles = [(await health(a.url)).role, (await health(b.url)).role].sort();
        expect(roles).toEqual(["follower", "leader"]);

        const holder = (await publicClient.request({ method: "eth_accounts" as never })) as string[];
        const owner = holder[2]!;
        const [ta, tb] = await Promise.all(
          [a, b].map(async (i) => (await fetch(`${i.url}/tickets?owner=${owner}`)).json()),
        );
        expect((ta as { tickets: unknown[] }).tickets.length).toBeGreaterThan(0);
        expect(tb).toEqual(ta);

        const [leader, follower] = (await health(a.url)).role === "leader" ? [a, b] : [b, a];
        await leader.kill("SIGKILL");
        await activity.scenario(ticket, 1);
        const later = await head();
        const took = Date.now();
        await waitFor(
          "the follower to take the lease",
          async () => ((await health(follower.url)).role === "leader" ? true : undefined),
          { timeoutMs: 30_000, intervalMs: 100 },
        );
        await waitIndexed(follower.url, later);
        console.log(
          `failover: survivor leading and at head ${later} within ${Date.now() - took} ms of the leader's SIGKILL`,
        );
        await follower.kill("SIGTERM");
        expect(await dumpOf(s)).toEqual(await freshDump());
      },
    );
});
