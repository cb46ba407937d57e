/**
 * `npm run bench:indexer`: builds a chain on a local Hardhat node with ≥ 100,000 ticket Transfer
 * logs (50 per transaction, one transaction per block; 75 % mints, 25 % transfers, 5,000
 * holders), then measures the real indexer process from a cold start: time until /health says
 * synced, logs/s (start-up included), peak RSS, and realtime lag (block mined → visible in the
 * API, p50/p99) by polling and by websocket. Baseline, same run: raw eth_getLogs of the same logs.
 * Writes benchmarks/indexer.md and benchmarks/indexer.json. BENCH_TXS scales the chain (default 2000).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { encodeFunctionData, keccak256, numberToHex, parseEventLogs, toHex, type Address, type Hex } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { ensurePgliteTemplate } from "../../indexer/db/pglite-template";
import { DEFAULT_RANGE_TARGET_LOGS } from "../../indexer/sync/range-size";
import { buildContracts, repoRoot } from "../lib/build-contracts";
import { startChainNode } from "../lib/chain-node";
import { health, startIndexerProcess, waitIndexed, type IndexerProcess } from "../lib/indexer-process";
import { INDEXER_MALLOC_ARENA_MAX, INDEXER_NODE_FLAGS } from "../lib/indexer-command";
import { localClients } from "../lib/local-clients";
import { peakSample, sampleProcessMemory, type MemorySample } from "../lib/process-memory";
import { ProcessGroup } from "../lib/process-group";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

const TXS = Number(process.env.BENCH_TXS ?? 2_000);
const PER_TX = 50;
const HOLDERS = 5_000;
const REALTIME_SAMPLES = 100;
/** http-poll, websocket, and http-poll with the old memory settings. */
const RUNS = 3;
/** The memory settings as they were before they became options (indexer/README.md, "Memory"): config, glibc's default arenas, Node's default flags. */
const SPEED_SETTINGS = { PGLITE_SHARED_BUFFERS_MB: "32", HEAP_GROWING_PERCENT: "0", MALLOC_ARENA_MAX: "16" };
const TARGETS = { logsPerSecond: 5_000, peakRssMiB: 300, realtimeP99Ms: 250 };

const log = (line: string) => console.log(`[bench] ${line}`);

await buildContracts();
const group = new ProcessGroup();
const dir = await mkdtemp(join(tmpdir(), "fairgate-bench-"));
process.once("SIGINT", () => void group.stop().then(() => process.exit(130)));

try {
  const node = await startChainNode(group, join(dir, "deployments.json"));
  const { publicClient, accounts, wallet } = await localClients(node.rpcUrl);
  const organizer = accounts[0]!;
  const org = wallet(organizer);

  // ---------------------------------------------------------------- chain generation
  const genStart = Date.now();
  const createHash = await org.writeContract({
    address: node.factory,
    abi: ticketFactoryAbi,
    functionName: "createEvent",
    args: ["Bench Night", "BENCH", 4_000_000_000n],
  });
  const created = parseEventLogs({
    abi: ticketFactoryAbi,
    eventName: "EventCreated",
    logs: (await publicClient.waitForTransactionReceipt({ hash: createHash })).logs,
  });
  const ticket = created[0]!.args.ticket;
  const batchArtifact = JSON.parse(
    await readFile(join(repoRoot, "artifacts/contracts/test/fixtures/BatchTransfer.sol/BatchTransfer.json"), "utf8"),
  ) as { abi: unknown[]; bytecode: Hex };
  const deployHash = await org.deployContract({ abi: batchArtifact.abi, bytecode: batchArtifact.bytecode });
  const batch = (await publicClient.waitForTransactionReceipt({ hash: deployHash })).contractAddress!;
  await publicClient.waitForTransactionReceipt({
    hash: await org.writeContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "setApprovalForAll",
      args: [batch, true],
    }),
  });

  const holders: Address[] = Array.from(
    { length: HOLDERS },
    (_, i) => `0x${keccak256(toHex(`holder-${i}`)).slice(26)}` as Address,
  );
  const transferTxs = Math.floor(TXS / 4);
  // The organizer's stock: for the transfers, plus tickets for every run's realtime samples (and one spare mint).
  const orgMintTxs = transferTxs + Math.ceil((RUNS * REALTIME_SAMPLES) / PER_TX) + 1;
  let nextHolder = 0;
  let nextOwnToken = 1n;
  let _minted = 0n;
  const calls: Hex[] = [];
  const transferAbi = [
    {
      type: "function",
      name: "transferMany",
      stateMutability: "nonpayable",
      inputs: [
        { name: "token", type: "address" },
        { name: "to", type: "address[]" },
        { name: "ids", type: "uint256[]" },
      ],
      outputs: [],
    },
  ] as const;
  const plan: ("mint-own" | "mint" | "transfer")[] = [];
  for (let i = 0; i < orgMintTxs; i++) plan.push("mint-own");
  for (let i = 0; i < TXS - orgMintTxs; i++)
    plan.push(i % 3 === 2 && plan.filter((p) => p === "transfer").length < transferTxs ? "transfer" : "mint");
  while (plan.filter((p) => p === "transfer").length < transferTxs) plan.push("transfer");
  for (const kind of plan) {
    const to = Array.from({ length: PER_TX }, () => holders[nextHolder++ % HOLDERS]!);
    if (kind === "transfer") {
      const ids = Array.from({ length: PER_TX }, () => nextOwnToken++);
      calls.push(encodeFunctionData({ abi: transferAbi, functionName: "transferMany", args: [ticket, to, ids] }));
    } else {
      calls.push(
        encodeFunctionData({
          abi: eventTicketAbi,
          functionName: "mintTier",
          args: [0, ORGANIZER_CHANNEL, kind === "mint-own" ? Array(PER_TX).fill(organizer) : to],
        }),
      );
      _minted += BigInt(PER_TX);
    }
  }
  let nonce = await publicClient.getTransactionCount({ address: organizer });
  // One at a time: with automine each send is its own block (parallel sends could share one).
  const CONCURRENCY = 1;
  for (let i = 0; i < calls.length; i += CONCURRENCY) {
    await Promise.all(
      calls.slice(i, i + CONCURRENCY).map((data, j) =>
        publicClient.request({
          method: "eth_sendTransaction",
          params: [
            {
              from: organizer,
              to: plan[i + j] === "transfer" ? batch : ticket,
              data,
              gas: numberToHex(4_000_000),
              nonce: numberToHex(nonce + j),
            },
          ],
        } as never),
      ),
    );
    nonce += Math.min(CONCURRENCY, calls.length - i);
    if (i % 250 === 0) log(`chain: ${Math.min(i + CONCURRENCY, calls.length)}/${calls.length} transactions`);
  }
  const head = Number(await publicClient.getBlockNumber({ cacheTime: 0 }));
  const generationMs = Date.now() - genStart;

  // ---------------------------------------------------------------- baseline: raw eth_getLogs of the same range
  const baseStart = Date.now();
  let rawLogs = 0;
  let transferLogs = 0;
  // 150 blocks ≈ 7,600 logs ≈ 5 MB: under viem's 10 MiB response cap.
  for (let from = node.fromBlock; from <= head; from += 150) {
    const logs = await publicClient.getLogs({
      address: ticket,
      fromBlock: BigInt(from),
      toBlock: BigInt(Math.min(head, from + 149)),
    });
    rawLogs += logs.length;
    transferLogs += logs.filter(
      (l) => l.topics[0] === "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
    ).length;
  }
  const baselineMs = Date.now() - baseStart;
  const baselineLoad = loadavg().map((x) => Math.round(x * 100) / 100);
  // Like compiling the contracts: the PGlite template is an install-time artefact, built outside the timed runs.
  const templateStart = Date.now();
  await ensurePgliteTemplate();
  const templateMs = Date.now() - templateStart;
  log(
    `chain ready: ${head - node.fromBlock} blocks, ${transferLogs} Transfer logs (${rawLogs} logs in all) in ${(generationMs / 1000).toFixed(1)} s`,
  );
  if (transferLogs < TXS * PER_TX) throw new Error(`expected ${TXS * PER_TX} Transfer logs, found ${transferLogs}`);

  // ---------------------------------------------------------------- indexer runs
  type MemoryPoint = { at: string } & MemorySample;
  type Run = {
    mode: string;
    settings: string;
    memory: { peak: MemorySample | null; timeline: MemoryPoint[] };
    syncMs: number;
    logsPerSecond: number;
    backfillLogsPerSecond: number;
    peakRssMiB: number;
    p50: number;
    p99: number;
    max: number;
    loadAverage: [number, number, number];
  };
  const runs: Run[] = [];
  let ownToken = nextOwnToken;

  /** `settings`: extra indexer env (the memory/speed trade-off settings); the default run passes none. */
  async function measure(
    mode: "http-poll" | "websocket",
    settings: Record<string, string> = {},
    nodeFlags?: readonly string[],
  ): Promise<void> {
    const rpcUrl = mode === "websocket" ? node.rpcUrl.replace("http", "ws") : node.rpcUrl;
    const started = Date.now();
    const indexer: IndexerProcess = await startIndexerProcess(group, {
      name: `indexer-${mode}`,
      rpcUrl,
      factory: node.factory,
      fromBlock: node.fromBlock,
      dataDir: join(dir, `pglite-${runs.length}-${mode}`), // every run starts cold, even the same mode twice
      env: { POLL_INTERVAL_MS: mode === "websocket" ? "1000" : "50", MAX_BLOCK_RANGE: "2000", ...settings },
      ...(nodeFlags ? { nodeFlags } : {}),
      echo: true,
    });
    // From "ready" (PGlite open, API listening) on; VmHWM below also covers the start-up before it.
    const sampler = sampleProcessMemory(indexer.proc.child.pid!, `${indexer.url}/metrics`);
    const readyMs = Date.now() - started;
    const synced = await waitIndexed(indexer.url, head, 600_000);
    const syncMs = Date.now() - started;
    const h = (await (await fetch(`${indexer.url}/health`)).json()) as { backfill: { logsPerSecond: number } | null };

    // Realtime: one transfer per block; lag = block mined (its RPC call returned) → /health shows it indexed.
    const lags: number[] = [];
    let target = synced.headBlock ?? head;
    for (let i = 0; i < REALTIME_SAMPLES; i++) {
      await publicClient.request({
        method: "eth_sendTransaction",
        params: [
          {
            from: organizer,
            to: ticket,
            data: encodeFunctionData({
              abi: eventTicketAbi,
              functionName: "transferFrom",
              args: [organizer, holders[i]!, ownToken++],
            }),
            gas: numberToHex(200_000),
          },
        ],
      } as never);
      const mined = performance.now();
      target++;
      for (let k = 0; k < 5_000; k++) {
        if ((await health(indexer.url)).indexedBlock >= target) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      lags.push(performance.now() - mined);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30)); // do not always land right after a poll
    }
    // The machine is shared: the 1-minute load average at the end of the run says how busy it was.
    const loadAverage = loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];
    const status = await readFile(`/proc/${indexer.proc.child.pid}/status`, "utf8");
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const samples = await sampler.stop();
    await indexer.kill("SIGTERM");
    // ready, every quarter of the backfill, synced, after the realtime samples (t is from ready).
    const syncedT = syncMs - readyMs;
    const near = (t: number) => samples.reduce((a, b) => (Math.abs(b.t - t) < Math.abs(a.t - t) ? b : a));
    const timeline: MemoryPoint[] =
      samples.length === 0
        ? []
        : [
            { at: "ready", ...samples[0]! },
            ...[0.25, 0.5, 0.75].map((f) => ({ at: `${f * 100} % of backfill`, ...near(f * syncedT) })),
            { at: "synced", ...near(syncedT) },
            { at: "after realtime", ...samples.at(-1)! },
          ];
    lags.sort((a, b) => a - b);
    const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]!;
    runs.push({
      mode,
      settings:
        [
          ...Object.entries(settings).map(([k, v]) => `${k}=${v}`),
          ...(nodeFlags ? [`node flags: ${nodeFlags.join(" ") || "none"}`] : []),
        ].join(" ") || "defaults",
      memory: { peak: peakSample(samples) ?? null, timeline },
      syncMs,
      logsPerSecond: Math.round((rawLogs * 1000) / syncMs),
      backfillLogsPerSecond: h.backfill?.logsPerSecond ?? 0,
      peakRssMiB: Math.round(peakKiB / 1024),
      p50: Math.round(q(0.5)),
      p99: Math.round(q(0.99)),
      max: Math.round(lags[lags.length - 1]!),
      loadAverage,
    });
    log(
      `${mode}: synced in ${(syncMs / 1000).toFixed(1)} s, realtime p50 ${runs.at(-1)!.p50} ms p99 ${runs.at(-1)!.p99} ms, peak RSS ${runs.at(-1)!.peakRssMiB} MiB`,
    );
  }

  await measure("http-poll");
  try {
    await measure("websocket");
  } catch (err) {
    log(`websocket run failed: ${(err as Error).message}`);
  }
  // The other point of the memory/speed trade-off: the settings before the memory work.
  await measure("http-poll", SPEED_SETTINGS, []);

  // ---------------------------------------------------------------- report
  const baselineLps = Math.round((rawLogs * 1000) / baselineMs);
  const cpu =
    (await readFile("/proc/cpuinfo", "utf8").catch(() => "")).match(/model name\s*:\s*(.+)/)?.[1] ?? "unknown CPU";
  const rows = runs.map(
    (r) =>
      `| ${r.mode} | ${r.settings} | ${(r.syncMs / 1000).toFixed(1)} s | ${r.logsPerSecond.toLocaleString("en")} (${(r.logsPerSecond / baselineLps).toFixed(2)}× raw getLogs) ${r.logsPerSecond >= TARGETS.logsPerSecond ? "✅" : "❌"} | ${r.backfillLogsPerSecond.toLocaleString("en")} | ${r.peakRssMiB} MiB ${r.peakRssMiB <= TARGETS.peakRssMiB ? "✅" : "❌"} | ${r.p50} ms | ${r.p99} ms ${r.p99 <= TARGETS.realtimeP99Ms ? "✅" : "❌"} | ${r.max} ms | ${r.loadAverage.join(" / ")} |`,
  );
  const md = `# Indexer benchmark

\`npm run bench:indexer\` — ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${(await import("node:os")).cpus().length} cores (shared), Node ${process.versions.node}, PGlite.

Chain: ${head - node.fromBlock} blocks on a local Hardhat node; ${transferLogs.toLocaleString("en")} ticket Transfer logs (${PER_TX} per transaction, one transaction per block, ${Math.round((100 * (TXS - transferTxs)) / TXS)} % mints / ${Math.round((100 * transferTxs) / TXS)} % transfers, ${HOLDERS.toLocaleString("en")} holders); ${rawLogs.toLocaleString("en")} logs in all (with TicketsMinted). Built in ${(generationMs / 1000).toFixed(0)} s.

Baseline, same run: raw \`eth_getLogs\` of the same logs over HTTP, no decoding or storage: ${(baselineMs / 1000).toFixed(1)} s = **${baselineLps.toLocaleString("en")} logs/s**.

| RPC mode | memory settings | cold start → synced | logs/s overall, start-up included (target ≥ ${TARGETS.logsPerSecond.toLocaleString("en")}) | backfill logs/s (engine) | peak RSS (target ≤ ${TARGETS.peakRssMiB} MiB) | realtime p50 | realtime p99 (target ≤ ${TARGETS.realtimeP99Ms} ms) | max | load avg 1/5/15 min |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

### Memory of the indexer process

At the RSS peak (sampled every 100 ms from \`/proc/<pid>/status\`; heap and external from the indexer's \`/metrics\`, its last answer before that moment). *external* includes PGlite's WebAssembly memory (128 MiB reserved; only the pages Postgres touched count in RSS, inside *anon*).

| run | peak VmHWM | sampled peak RSS | anon | file-backed | V8 heap used | V8 heap total | external | array buffers |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${runs
  .map((r) => {
    const p = r.memory.peak;
    return p
      ? `| ${r.mode}, ${r.settings} | ${r.peakRssMiB} MiB | ${p.rssMiB} | ${p.anonMiB} | ${p.fileMiB} | ${p.heapUsedMiB ?? "–"} | ${p.heapTotalMiB ?? "–"} | ${p.externalMiB ?? "–"} | ${p.arrayBuffersMiB ?? "–"} |`
      : `| ${r.mode}, ${r.settings} | ${r.peakRssMiB} MiB | – | | | | | | |`;
  })
  .join("\n")}

Over time (MiB; rss / V8 heap total / external):

| run | ${(runs[0]?.memory.timeline ?? []).map((p) => p.at).join(" | ")} |
| --- | ${(runs[0]?.memory.timeline ?? []).map(() => "---").join(" | ")} |
${runs.map((r) => `| ${r.mode}, ${r.settings} | ${r.memory.timeline.map((p) => `${Math.round(p.rssMiB)} / ${p.heapTotalMiB === null ? "–" : Math.round(p.heapTotalMiB)} / ${p.externalMiB === null ? "–" : Math.round(p.externalMiB)}`).join(" | ")} |`).join("\n")}

- *cold start → synced*: from spawning \`indexer/main.ts\` on an empty PGlite folder until \`/health\` reports the chain head indexed (includes Node + tsx start, PGlite start and migrations).
- *realtime*: ${REALTIME_SAMPLES} blocks, one transfer each; from the moment the block's \`eth_sendTransaction\` returned (Hardhat automine: the block is mined) until \`/health\` shows it indexed. http-poll polls every 50 ms; websocket wakes on \`newHeads\`.
- Peak RSS: the indexer process's own VmHWM (\`/proc/<pid>/status\` of the \`node indexer/main.ts\` process, not the chain node or this script) at the end of the run, start-up included.
- Memory settings: *defaults* are \`PGLITE_SHARED_BUFFERS_MB=8\`, \`HEAP_GROWING_PERCENT=20\`, \`RANGE_TARGET_LOGS=${DEFAULT_RANGE_TARGET_LOGS}\` and the launcher's (\`scripts/lib/indexer-command.ts\`) \`${INDEXER_NODE_FLAGS.join(" ")}\`, \`MALLOC_ARENA_MAX=${INDEXER_MALLOC_ARENA_MAX}\`; the last row runs the settings from before the memory work (glibc's default is 8 arenas per core, so 16 here) for comparison.
- Load average: \`uptime\`'s, at the end of each run (2 cores shared with other work: above 2 the indexer waited for a CPU). Baseline run's load: ${baselineLoad.join(" / ")}.
- Empty PGlite folder: copied from the migrated template (\`indexer/db/pglite-template.ts\`, built once per PGlite version + migrations, before the runs: ${(templateMs / 1000).toFixed(1)} s this time; 0 when it already existed).
`;
  await writeFile(join(repoRoot, "benchmarks", "indexer.md"), md);
  await writeFile(
    join(repoRoot, "benchmarks", "indexer.json"),
    `${JSON.stringify({ date: new Date().toISOString(), cpu, blocks: head - node.fromBlock, transferLogs, totalLogs: rawLogs, generationMs, baseline: { ms: baselineMs, logsPerSecond: baselineLps, loadAverage: baselineLoad }, templateMs, targets: TARGETS, runs }, null, 2)}\n`,
  );
  console.log(`\n${md}`);
  const ok =
    runs.length > 0 &&
    runs.some((r) => r.logsPerSecond >= TARGETS.logsPerSecond && r.peakRssMiB <= TARGETS.peakRssMiB) &&
    runs.some((r) => r.p99 <= TARGETS.realtimeP99Ms);
  log(ok ? "targets met" : "some targets missed (see table)");
} finally {
  await group.stop();
  await rm(dir, { recursive: true, force: true });
}
