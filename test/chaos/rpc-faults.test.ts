/**
 * RPC faults: the indexer process reads the chain through test/helpers/rpc-fault-proxy.ts while a
 * mixed workload runs on the node. Phase by phase the proxy drops connections, delays, answers
 * 429 and 5xx, truncates bodies, serves a stale head and a wrong chain id (the indexer is
 * restarted into that one), then goes dark entirely. Throughout, /health answers; in the
 * blackout the gate answers DENY INDEXER_STALE (HTTP 200, never a 500); afterwards the indexer
 * catches up and its database equals a fresh sync of the final chain. Seeded (CHAOS_SEED).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, http, type Address, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "../../indexer/db/open-pglite";
import type { Database } from "../../indexer/db/types";
import { createSyncEngine } from "../../indexer/sync/sync-engine";
import { dumpChainTables } from "../../indexer/testing/dump-chain-tables";
import { fairgateChain } from "../../lib/chain";
import { eventTicketAbi } from "../../lib/generated/abis";
import { seededRandom } from "../../lib/random/seeded-random";
import { startChainNode, type ChainNode } from "../../scripts/lib/chain-node";
import { health, startIndexerProcess, waitIndexed, type IndexerProcess } from "../../scripts/lib/indexer-process";
import { localClients } from "../../scripts/lib/local-clients";
import { ProcessGroup } from "../../scripts/lib/process-group";
import { waitFor } from "../../scripts/lib/wait";
import { startRpcFaultProxy, type FaultPlan, type FaultProxy } from "../helpers/rpc-fault-proxy";
import { chaosSeed, recordChaos, scaled } from "./chaos-profile";
import { challengeScan } from "./challenge-scan";
import { mixedWorkload, type Workload } from "./mixed-workload";

const TXS_PER_PHASE = scaled(3, 8);
const P = scaled(0.35, 0.25);
const PHASES: { name: string; plan: FaultPlan }[] = [
  { name: "drop", plan: { drop: P } },
  { name: "delay", plan: { delay: P, delayMs: 1_500 } },
  { name: "429", plan: { status429: P } },
  { name: "5xx", plan: { status5xx: P } },
  { name: "truncate", plan: { truncate: P } },
  { name: "stale head", plan: { staleBlock: 0.5, staleBy: 3 } },
  {
    name: "everything at once",
    plan: {
      drop: P / 4,
      delay: P / 4,
      delayMs: 800,
      status429: P / 4,
      status5xx: P / 4,
      truncate: P / 4,
      staleBlock: P / 2,
      staleBy: 2,
    },
  },
];

let group: ProcessGroup;
let dir: string;
let node: ChainNode;
let proxy: FaultProxy;
let clients: Awaited<ReturnType<typeof localClients>>;
let workload: Workload;
let reference: Database;

beforeAll(async () => {
  group = new ProcessGroup();
  dir = await mkdtemp(join(tmpdir(), "fairgate-chaos-rpc-"));
  node = await startChainNode(group, join(dir, "deployments.json"));
  proxy = await startRpcFaultProxy({ upstream: node.rpcUrl, seed: chaosSeed });
  clients = await localClients(node.rpcUrl);
  workload = await mixedWorkload({
    publicClient: clients.publicClient as unknown as PublicClient,
    wallets: clients.accounts.slice(0, 5).map((a) => clients.wallet(a)) as unknown as WalletClient[],
    factory: node.factory,
    name: "Flaky RPC Fest",
  });
  reference = await openPglite(IN_MEMORY);
});
afterAll(async () => {
  await proxy?.close();
  await reference?.close();
  await group?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const head = async () => Number(await clients.publicClient.getBlockNumber({ cacheTime: 0 }));

/**
 * Polls /health every 150 ms in the background; every poll must get an answer (200 or 503 with a
 * body), except while `restarting` (the test stopped the process on purpose).
 */
function healthWatch(url: () => string) {
  let stop = false;
  const state = { restarting: false };
  const seen = { answered: 0, unanswered: [] as string[] };
  const done = (async () => {
    while (!stop) {
      if (state.restarting) {
        await new Promise((r) => setTimeout(r, 150));
        continue;
      }
      try {
        const res = await fetch(`${url()}/health`, { signal: AbortSignal.timeout(3_000) });
        const body = (await res.json()) as { ok?: boolean };
        if ((res.status === 200 || res.status === 503) && typeof body.ok === "boolean") seen.answered++;
        else seen.unanswered.push(`HTTP ${res.status}`);
      } catch (err) {
        seen.unanswered.push(String(err));
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  return { seen, state, done: async () => ((stop = true), await done) };
}

describe("RPC faults between the indexer and the chain", () => {
  it("keeps serving, denies with a reason when blind, and ends equal to a clean sync", async () => {
    const random = seededRandom(chaosSeed * 31 + 5);
    const dataDir = join(dir, "pglite");
    const env = { POLL_INTERVAL_MS: "100", MAX_BLOCK_RANGE: "5" };
    let logs = "";
    const start = (ready = false) =>
      startIndexerProcess(group, {
        rpcUrl: proxy.url,
        factory: node.factory,
        fromBlock: node.fromBlock,
        dataDir,
        env,
        readyWhenAnswering: ready,
        onOutput: (t) => (logs += t),
      });
    let indexer: IndexerProcess = await start();
    const watch = healthWatch(() => indexer.url);
    const perPhase: string[] = [];

    for (const phase of PHASES) {
      const before = { ...proxy.stats.faults };
      proxy.setPlan(phase.plan);
      await workload.run(random, TXS_PER_PHASE);
      // Let the indexer work through the faults for a moment before the next kind.
      await new Promise((r) => setTimeout(r, 1_000));
      const injected = Object.entries(proxy.stats.faults).reduce(
        (n, [k, v]) => n + v - before[k as keyof typeof before],
        0,
      );
      perPhase.push(`${phase.name} ${injected}`);
    }

    // Wrong chain id: a restarted indexer must refuse to sync (and wipe nothing) until the RPC is right.
    proxy.setPlan({});
    await waitIndexed(indexer.url, await head(), 120_000);
    const indexedBefore = (await health(indexer.url)).indexedBlock;
    watch.state.restarting = true;
    await indexer.kill("SIGTERM");
    const wrongBefore = proxy.stats.faults.wrongChainId;
    proxy.setPlan({ wrongChainId: 1 });
    indexer = await start(true);
    watch.state.restarting = false;
    const refused = await waitFor(
      "the indexer to refuse the wrong chain",
      async () => {
        const h = (await (await fetch(`${indexer.url}/health`)).json()) as { ok: boolean; lastError?: string };
        return !h.ok && /chain 1\b/.test(h.lastError ?? "") ? h : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await workload.run(random, 2);
    perPhase.push(`wrong chain id ${proxy.stats.faults.wrongChainId - wrongBefore}`);
    proxy.setPlan({});
    await waitIndexed(indexer.url, Math.max(indexedBefore, await head()), 120_000);

    // Blackout: every RPC call fails. /health says not ok; the gate denies with a reason, never a 500.
    const [holder, ticketId] = await ownedTicket(workload.ticket);
    const blackoutBefore = proxy.stats.faults.status5xx;
    proxy.setPlan({ status5xx: 1 });
    await waitFor("health to report the outage", async () => ((await health(indexer.url)).ok ? undefined : true), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    // The mirror's head reading ages past the gate's bound (max(5 s, 10 polls)).
    await new Promise((r) => setTimeout(r, 5_500));
    const blind = await challengeScan(clients, indexer.url, workload.ticket, ticketId, holder);
    expect(blind.status).toBe(200);
    expect(blind.verdict).toMatchObject({ result: "DENY", reason: "INDEXER_STALE" });
    perPhase.push(`blackout (all 5xx) ${proxy.stats.faults.status5xx - blackoutBefore}`);

    // Recovery: the same ticket is admitted once the chain is readable again.
    proxy.setPlan({});
    await waitIndexed(indexer.url, await head(), 120_000);
    expect((await challengeScan(clients, indexer.url, workload.ticket, ticketId, holder)).verdict).toMatchObject({
      result: "ADMIT",
    });
    await workload.run(random, 2);
    const final = await head();
    await waitIndexed(indexer.url, final, 120_000);
    await watch.done();
    await indexer.kill("SIGTERM");

    expect(watch.seen.unanswered, "every /health poll answered").toEqual([]);
    expect(watch.seen.answered).toBeGreaterThan(20);
    expect(logs).toMatch(/serves chain 1\b/);
    // No real reorg happened: a stale head or a wrong chain must not have rolled anything back.
    expect(logs).not.toMatch(/reorg:|re-indexing from block/);
    const got = await dumpOf(dataDir);
    const fresh = await freshDump();
    expect(got).toEqual(fresh);
    expect((fresh.transfers as unknown[]).length).toBeGreaterThan(5);

    const faults = proxy.stats.faults;
    const total = Object.values(faults).reduce((a, b) => a + b, 0);
    console.log(
      `RPC faults injected: ${JSON.stringify(faults)} over ${proxy.stats.requests} requests; phases: ${perPhase.join(", ")}; refused wrong chain with "${refused.lastError}"`,
    );
    recordChaos({
      faultClass: "RPC faults",
      injected:
        "faults between indexer and node (fault proxy): drop, delay, 429, 5xx, truncated body, stale head, wrong chain id (restart), 5xx blackout",
      count: total,
      detail: `${Object.entries(faults)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ", ",
        )} of ${proxy.stats.requests} RPC requests; per phase: ${perPhase.join(", ")}; /health answered ${watch.seen.answered}/${watch.seen.answered + watch.seen.unanswered.length} polls`,
      lost: "nothing: final DB equal to a clean sync; /health always answered; blind gate said DENY INDEXER_STALE (HTTP 200), then ADMIT after recovery",
      checks: [
        "every /health poll answered",
        "wrong chain refused at start (health not ok), nothing wiped",
        "DENY INDEXER_STALE in a blackout",
        "dump equals fresh sync",
      ],
    });
  });
});

async function ownedTicket(ticket: Address): Promise<[Address, bigint]> {
  const total = await clients.publicClient.readContract({
    address: ticket,
    abi: eventTicketAbi,
    functionName: "totalMinted",
  });
  for (let id = total; id >= 1n; id--) {
    const checked = await clients.publicClient.readContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "isCheckedIn",
      args: [id],
    });
    if (checked) continue;
    const owner = await clients.publicClient.readContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "ownerOf",
      args: [id],
    });
    if (clients.accounts.some((a) => a.toLowerCase() === owner.toLowerCase())) return [owner, id];
  }
  throw new Error("no ticket left to scan");
}

async function dumpOf(dataDir: string) {
  const d = await openPglite(dataDir);
  try {
    return await dumpChainTables(d.db);
  } finally {
    await d.close();
  }
}

async function freshDump() {
  const publicClient = createPublicClient({
    chain: fairgateChain(31337, node.rpcUrl),
    transport: http(node.rpcUrl),
  }) as PublicClient;
  await engineFor(publicClient).syncToHead();
  return dumpChainTables(reference.db);
}

const engineFor = (client: PublicClient) =>
  createSyncEngine({
    client,
    db: reference.db,
    chainId: 31337,
    factory: node.factory,
    fromBlock: node.fromBlock,
    maxBlockRange: 1000,
    pollIntervalMs: 50,
    log: () => {},
  });
