/**
 * Random reorgs of depth 1..FINALITY_DEPTH during a mixed workload (mint, buy, transfer, list,
 * buy a listing, cancel, check-in), on an in-process Hardhat chain: branch A (depth d) is synced,
 * then replaced (evm_snapshot / evm_revert) by a different branch B one or more blocks longer.
 * After every reorg the mirror must equal a fresh sync of the final chain. Seeded (CHAOS_SEED).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WalletClient } from "viem";
import { IN_MEMORY, openPglite } from "../../indexer/db/open-pglite";
import type { Database } from "../../indexer/db/types";
import { createSyncEngine, type SyncEngine } from "../../indexer/sync/sync-engine";
import { createChainFixture, type ChainFixture } from "../../indexer/testing/chain-fixture";
import { dumpChainTables } from "../../indexer/testing/dump-chain-tables";
import { resetDatabase } from "../../indexer/testing/test-databases";
import { seededRandom } from "../../lib/random/seeded-random";
import { chaosSeed, recordChaos, scaled } from "./chaos-profile";
import { mixedWorkload, OPS, type Op, type Workload } from "./mixed-workload";

const FINALITY_DEPTH = scaled(8, 64);
const REORGS = scaled(4, 12);
/** Transactions per branch at most; the rest of a deep branch is empty blocks (keeps a depth-64 reorg quick). */
const MAX_TXS_PER_BRANCH = scaled(6, 12);

let chain: ChainFixture;
let mirror: Database;
let reference: Database;
let sync: SyncEngine;
let workload: Workload;
const lines: string[] = [];

const engine = (db: Database, log: (l: string) => void = () => {}) =>
  createSyncEngine({
    client: chain.publicClient,
    db: db.db,
    chainId: chain.chainId,
    factory: chain.factory,
    fromBlock: chain.fromBlock,
    maxBlockRange: 7,
    pollIntervalMs: 20,
    finalityDepth: FINALITY_DEPTH,
    log,
  });
const rpc = (method: string, params: unknown[] = []) =>
  chain.publicClient.request({ method: method as never, params: params as never });
const head = async () => Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }));

beforeAll(async () => {
  chain = await createChainFixture();
  mirror = await openPglite(IN_MEMORY);
  reference = await openPglite(IN_MEMORY);
  workload = await mixedWorkload({
    publicClient: chain.publicClient,
    wallets: [chain.organizer, chain.alice, chain.bob, chain.carol] as WalletClient[],
    factory: chain.factory,
    name: "Reorg Festival",
  });
  sync = engine(mirror, (l) => lines.push(l));
  await sync.syncToHead();
});
afterAll(async () => {
  await mirror?.close();
  await reference?.close();
});

/** `blocks` new blocks: up to MAX_TXS_PER_BRANCH random transactions, then empty blocks. */
async function branch(random: () => number, blocks: number): Promise<Record<Op, number>> {
  const start = await head();
  const done = await workload.run(random, Math.min(blocks, MAX_TXS_PER_BRANCH));
  const left = start + blocks - (await head());
  if (left > 0) await rpc("hardhat_mine", [`0x${left.toString(16)}`]);
  return done;
}

describe(`random reorgs of depth 1..${FINALITY_DEPTH} during a mixed workload`, () => {
  it(`${REORGS} reorgs: the mirror equals a fresh sync of the final chain after every one`, async () => {
    const random = seededRandom(chaosSeed * 7919 + 3);
    const depths: number[] = [];
    const ops = Object.fromEntries(OPS.map((k) => [k, 0])) as Record<Op, number>;
    for (let r = 0; r < REORGS; r++) {
      // Always include depth 1 and the deepest reorg the engine promises to handle.
      const depth = r === 0 ? FINALITY_DEPTH : r === 1 ? 1 : 1 + Math.floor(random() * FINALITY_DEPTH);
      depths.push(depth);
      // Some settled history between reorgs.
      await branch(random, 1 + Math.floor(random() * 3));
      await sync.syncToHead();

      const snapshot = await rpc("evm_snapshot");
      const a = await branch(random, depth);
      await sync.syncToHead();
      const onA = await dumpChainTables(mirror.db);

      await rpc("evm_revert", [snapshot]);
      const b = await branch(random, depth + 1 + Math.floor(random() * 3));
      for (const k of OPS) ops[k] += a[k] + b[k];
      const reorgsBefore = sync.status().counters.reorgs;
      await sync.syncToHead();
      expect(sync.status().counters.reorgs, `reorg #${r} (depth ${depth}) was noticed`).toBeGreaterThan(reorgsBefore);

      await resetDatabase(reference.db);
      await engine(reference).syncToHead();
      const fresh = await dumpChainTables(reference.db);
      const got = await dumpChainTables(mirror.db);
      expect(got, `reorg #${r}, depth ${depth}, seed ${chaosSeed}`).toEqual(fresh);
      if (Object.values(a).some((n) => n > 0)) expect(onA).not.toEqual(got);
    }
    const mix = OPS.map((k) => `${k} ${ops[k]}`).join(", ");
    console.log(`reorg depths: ${depths.join(", ")}; transactions on both branches: ${mix}`);
    recordChaos({
      faultClass: "Reorgs",
      injected: `reorg (evm_snapshot/evm_revert, then a longer different branch) of random depth 1..${FINALITY_DEPTH} = FINALITY_DEPTH`,
      count: REORGS,
      detail: `depths ${depths.join(", ")}; txs on replaced and replacing branches: ${mix}`,
      lost: "nothing: mirror equal to a fresh sync of the final chain after every reorg",
      checks: ["every reorg detected (counter)", "dump of all mirror tables equals a fresh sync, after each reorg"],
    });
  });
});
