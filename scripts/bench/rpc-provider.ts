/**
 * `npm run bench:rpc`: the indexer and the CLI against a hosted provider's limits. A local chain
 * with a long history (1,000,000 empty blocks before the deployment, then ~50,000 blocks of
 * activity), behind the provider simulator (scripts/lib/provider-simulator) at a 2,000-block
 * eth_getLogs cap, 25 requests/s, 60 ± 30 ms. Measures, counted by the simulator:
 * - backfill from the deployment to the head: RPC calls and time (target ≤ 150 calls);
 * - the same at a 500-block cap: share of eth_getLogs refused (target ≤ 5 %);
 * - an idle indexer (chain still, BLOCK_TIME_MS=2000): calls per block time (target ≤ 1);
 * - `fairgate status 0` without an indexer: calls (target ≤ 150).
 * Writes benchmarks/rpc-provider.md and .json. BENCH_RPC_ROUNDS scales the history (default 50 rounds of 1,000 blocks).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildContracts, repoRoot } from "../lib/build-contracts";
import { startIndexerProcess, waitIndexed } from "../lib/indexer-process";
import { startLongHistoryChain } from "../lib/long-history-chain";
import { ProcessGroup } from "../lib/process-group";
import {
  startProviderSimulator,
  type MethodCounts,
  type ProviderSimulator,
} from "../lib/provider-simulator/provider-simulator";

const ROUNDS = Number(process.env.BENCH_RPC_ROUNDS ?? 50);
const BLOCK_TIME_MS = 2_000;
const IDLE_MS = 20_000;
const LIMITS = { style: "alchemy" as const, rps: 25, latencyMs: 60, jitterMs: 30 };
const TARGETS = { backfillCalls: 150, refusedShare500: 0.05, idleCallsPerBlock: 1, statusCalls: 150 };
/**
 * The same benchmark on the code before issue 19 (commit a39331c, 2026-12-07): the sync engine doubled back past the
 * cap, read the head every range, polled every 500 ms; the CLI scanned six times from 5,000 blocks, halving on any error.
 * The backfill time then counted from process start.
 */
const BEFORE = ["152", "32.7 (from process start)", "123/255 (48.2 %)", "794", "3.40", "337"];
const BEFORE_BY_METHOD =
  "Before: the same benchmark on commit a39331c (before issue 19). Its calls by method: backfill 2,000: eth_call 30, eth_blockNumber 30, eth_getBlockByNumber 57, eth_getLogs 33; backfill 500: eth_blockNumber 129, eth_getBlockByNumber 378, eth_getLogs 255 (123 refused); idle 20 s: eth_blockNumber 34; status: eth_call 14, eth_getLogs 321 (14 refused, 20 answered 429).";

const log = (line: string) => console.log(`[bench:rpc] ${line}`);

type Backfill = {
  cap: number;
  calls: number;
  getLogs: MethodCounts;
  rateLimited: number;
  ms: number;
  byMethod: Record<string, MethodCounts>;
};

await buildContracts();
const group = new ProcessGroup();
const dir = await mkdtemp(join(tmpdir(), "fairgate-bench-rpc-"));
process.once("SIGINT", () => void group.stop().then(() => process.exit(130)));

try {
  const deploymentsFile = join(dir, "deployments.json");
  const genStart = Date.now();
  const chain = await startLongHistoryChain(group, { deploymentsFile, rounds: ROUNDS, gap: 1_000 });
  log(
    `chain: deployed at block ${chain.fromBlock}, head ${chain.head} (${chain.head - chain.fromBlock} blocks of history, ${chain.events.length} events) in ${((Date.now() - genStart) / 1000).toFixed(1)} s`,
  );
  const sim = await startProviderSimulator({ upstream: chain.rpcUrl, ...LIMITS, maxLogRange: 2_000, seed: 19 });

  const backfill = async (
    cap: number,
    idle: boolean,
  ): Promise<{ backfill: Backfill; idlePerBlock?: number; idleCalls?: Record<string, MethodCounts> }> => {
    sim.setLimits({ maxLogRange: cap });
    sim.resetStats();
    const started = Date.now();
    const indexer = await startIndexerProcess(group, {
      name: `indexer-${cap}`,
      rpcUrl: sim.url,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      dataDir: join(dir, `pglite-${cap}`),
      // The launcher's fast test polling off: the indexer's own defaults for a 2 s chain.
      env: { POLL_INTERVAL_MS: "", BLOCK_TIME_MS: String(BLOCK_TIME_MS), DEPLOYMENTS_FILE: deploymentsFile },
    });
    await waitIndexed(indexer.url, chain.head, 600_000);
    // From the indexer's first RPC call: process start-up (tsx, PGlite) is not the provider's doing.
    const ms = Date.now() - (sim.stats().firstRequestAt ?? started);
    const stats = sim.stats();
    const result: Backfill = {
      cap,
      calls: sim.totals().calls,
      getLogs: stats.methods.eth_getLogs ?? { calls: 0, refused: 0, rateLimited: 0 },
      rateLimited: sim.totals().rateLimited,
      ms,
      byMethod: stats.methods,
    };
    log(
      `backfill at a ${cap}-block cap: ${result.calls} calls (${result.getLogs.calls} eth_getLogs, ${result.getLogs.refused} refused, ${result.rateLimited} answered 429) in ${(ms / 1000).toFixed(1)} s`,
    );
    let idlePerBlock: number | undefined;
    let idleCalls: Record<string, MethodCounts> | undefined;
    if (idle) {
      sim.resetStats();
      await new Promise((r) => setTimeout(r, IDLE_MS));
      idlePerBlock = sim.totals().calls / (IDLE_MS / BLOCK_TIME_MS);
      idleCalls = sim.stats().methods;
      log(
        `idle for ${IDLE_MS / 1000} s (block time ${BLOCK_TIME_MS} ms): ${sim.totals().calls} calls, ${idlePerBlock.toFixed(2)} per block time`,
      );
    }
    await indexer.kill("SIGTERM");
    return { backfill: result, idlePerBlock, idleCalls };
  };

  const at2000 = await backfill(2_000, true);
  const at500 = await backfill(500, false);

  sim.setLimits({ maxLogRange: 2_000 });
  const status = await cliStatus(sim, deploymentsFile);
  log(
    `fairgate status 0 without the indexer: ${status.calls} calls (${status.byMethod.eth_getLogs?.calls ?? 0} eth_getLogs, ${status.byMethod.eth_getLogs?.refused ?? 0} refused, ${status.rateLimited} answered 429) in ${(status.ms / 1000).toFixed(1)} s`,
  );
  await sim.close();

  const refusedShare =
    at500.backfill.getLogs.calls === 0 ? 0 : at500.backfill.getLogs.refused / at500.backfill.getLogs.calls;
  const rows = [
    [
      "backfill, 2,000-block cap: RPC calls",
      at2000.backfill.calls,
      `≤ ${TARGETS.backfillCalls}`,
      at2000.backfill.calls <= TARGETS.backfillCalls,
    ],
    [
      "backfill, 2,000-block cap: seconds from the first RPC call",
      (at2000.backfill.ms / 1000).toFixed(1),
      "≤ 30",
      at2000.backfill.ms <= 30_000,
    ],
    [
      "backfill, 500-block cap: eth_getLogs refused",
      `${at500.backfill.getLogs.refused}/${at500.backfill.getLogs.calls} (${(refusedShare * 100).toFixed(1)} %)`,
      "≤ 5 %",
      refusedShare <= TARGETS.refusedShare500,
    ],
    ["backfill, 500-block cap: RPC calls", at500.backfill.calls, "", true],
    [
      "idle indexer: calls per block time (2 s)",
      at2000.idlePerBlock!.toFixed(2),
      `≤ ${TARGETS.idleCallsPerBlock}`,
      at2000.idlePerBlock! <= TARGETS.idleCallsPerBlock,
    ],
    [
      "fairgate status, no indexer: RPC calls",
      status.calls,
      `≤ ${TARGETS.statusCalls}`,
      status.calls <= TARGETS.statusCalls,
    ],
  ] as const;
  const table = [
    "| measure | before | now | target | |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(([m, v, t, ok], i) => `| ${m} | ${BEFORE[i]} | ${v} | ${t} | ${t ? (ok ? "✅" : "❌") : ""} |`),
  ];
  const md = [
    "# RPC provider benchmark (`npm run bench:rpc`)",
    "",
    `Run ${new Date().toISOString()}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        " ",
      )}. Chain: ${chain.fromBlock - 1} empty blocks, the factory at block ${chain.fromBlock}, head ${chain.head} (${chain.head - chain.fromBlock} blocks, ${chain.events.length} events, ~${chain.logs} logs).`,
    `Provider simulator: ${LIMITS.style} wording, ${LIMITS.rps} requests/s (429 + Retry-After), ${LIMITS.latencyMs} ± ${LIMITS.jitterMs} ms. Every figure is counted by the simulator (429s included).`,
    "",
    ...table,
    "",
    BEFORE_BY_METHOD,
    "",
    "Calls by method now (calls / refused / 429):",
    "",
    ...[
      ["backfill 2,000", at2000.backfill.byMethod],
      ["backfill 500", at500.backfill.byMethod],
      ["idle (20 s)", at2000.idleCalls ?? {}],
      ["status", status.byMethod],
    ].map(
      ([name, m]) =>
        `- ${name as string}: ${Object.entries(m as Record<string, MethodCounts>)
          .map(([k, c]) => `${k} ${c.calls}/${c.refused}/${c.rateLimited}`)
          .join(", ")}`,
    ),
    "",
  ].join("\n");
  console.log(`\n${md}`);
  await writeFile(join(repoRoot, "benchmarks", "rpc-provider.md"), md);
  await writeFile(
    join(repoRoot, "benchmarks", "rpc-provider.json"),
    JSON.stringify({ at2000, at500, status, chain: { fromBlock: chain.fromBlock, head: chain.head } }, null, 2),
  );
} finally {
  await group.stop();
  await rm(dir, { recursive: true, force: true });
}

/** `fairgate status 0` as its own process (a fresh process learns nothing from earlier runs), counted by the simulator. */
async function cliStatus(
  sim: ProviderSimulator,
  deploymentsFile: string,
): Promise<{ calls: number; rateLimited: number; ms: number; byMethod: Record<string, MethodCounts> }> {
  sim.resetStats();
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      "--import",
      join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs"),
      join(repoRoot, "scripts", "cli", "fairgate.ts"),
      "status",
      "0",
      "--json",
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, RPC_URL: sim.url, CHAIN_ID: "31337", DEPLOYMENTS_FILE: deploymentsFile, INDEXER_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  if (code !== 0) throw new Error(`fairgate status exited ${code}:\n${output}`);
  return {
    calls: sim.totals().calls,
    rateLimited: sim.totals().rateLimited,
    ms: Date.now() - started,
    byMethod: sim.stats().methods,
  };
}
