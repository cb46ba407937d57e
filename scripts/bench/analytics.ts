/**
 * `npx tsx scripts/bench/analytics.ts`: the organizer analytics queries on a large generated event
 * (indexer/testing/analytics-event.ts at BENCH_SCALE, default 20: ~6,000 tickets, ~1,400 resales,
 * ~4,800 admissions) in in-memory PGlite. Each query runs BENCH_RUNS times (default 15) after a
 * warm-up; the median is reported as a ratio to the baseline measured in the same run: the
 * existing `/events/:address` live counts (`eventCounts`), which scan the same tables once.
 * Writes benchmarks/analytics.md and benchmarks/analytics.json, with the load average (shared machine).
 */
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { arrivalsPerBucket } from "../../indexer/db/queries/analytics/arrivals";
import { busiestMinute, gateThroughput } from "../../indexer/db/queries/analytics/gate-throughput";
import { funnels, heavyIdentities, heavyWallets } from "../../indexer/db/queries/analytics/hoarding";
import { noShowsPerTier } from "../../indexer/db/queries/analytics/no-shows";
import { resaleBuckets, resaleStatsPerTier } from "../../indexer/db/queries/analytics/resale-prices";
import { eventCounts } from "../../indexer/db/queries/event-detail";
import { IN_MEMORY, openPglite } from "../../indexer/db/open-pglite";
import { generateAnalyticsEvent, insertAnalyticsEvent } from "../../indexer/testing/analytics-event";
import { repoRoot } from "../lib/build-contracts";

const SCALE = Number(process.env.BENCH_SCALE ?? 20);
const RUNS = Math.min(100, Math.max(3, Number(process.env.BENCH_RUNS ?? 15)));
const CONTRACT = "0x00000000000000000000000000000000000a11ce";
const log = (line: string) => console.log(`[bench] ${line}`);

const { db, close } = await openPglite(IN_MEMORY);
try {
  const ev = generateAnalyticsEvent({
    seed: 1,
    contract: CONTRACT,
    startTime: Date.UTC(2026, 0, 1, 20) / 1000,
    scale: SCALE,
    fans: 80 * SCALE,
  });
  await insertAnalyticsEvent(db, ev);
  log(
    `event: ${ev.tickets.length} tickets, ${ev.transfers.length} transfers, ${ev.sales.length} resales, ${ev.checkIns.length} admissions`,
  );

  const queries: [string, () => Promise<unknown>][] = [
    ["baseline: eventCounts (/events/:address)", () => eventCounts(db, CONTRACT)],
    ["arrivals per minute per gate", () => arrivalsPerBucket(db, CONTRACT, { bucketSeconds: 60 })],
    [
      "gate throughput + busiest minute",
      () => Promise.all([gateThroughput(db, CONTRACT), busiestMinute(db, CONTRACT)]),
    ],
    ["no-shows per tier", () => noShowsPerTier(db, CONTRACT)],
    ["resale prices vs cap", () => Promise.all([resaleStatsPerTier(db, CONTRACT), resaleBuckets(db, CONTRACT, 1_000)])],
    [
      "hoarding (wallets, identities, funnels)",
      () =>
        Promise.all([
          heavyWallets(db, CONTRACT, { over: 4, limit: 100 }),
          heavyIdentities(db, CONTRACT, { over: 4, limit: 100 }),
          funnels(db, CONTRACT, { minSources: 3, windowBlocks: 300, limit: 100 }),
        ]),
    ],
  ];
  const results: { query: string; medianMs: number; ratio: number }[] = [];
  let baseline = 0;
  for (const [name, run] of queries) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    const medianMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    if (results.length === 0) baseline = medianMs;
    results.push({
      query: name,
      medianMs: Math.round(medianMs * 100) / 100,
      ratio: Math.round((medianMs / baseline) * 100) / 100,
    });
    log(`${name}: ${medianMs.toFixed(2)} ms (${(medianMs / baseline).toFixed(2)}× baseline)`);
  }
  const load = loadavg().map((x) => Math.round(x * 100) / 100);
  const meta = {
    at: new Date().toISOString(),
    scale: SCALE,
    runs: RUNS,
    tickets: ev.tickets.length,
    transfers: ev.transfers.length,
    resales: ev.sales.length,
    admissions: ev.checkIns.length,
    loadAverage: load,
  };
  await writeFile(join(repoRoot, "benchmarks", "analytics.json"), `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  const md = [
    "# Organizer analytics queries (PGlite, in memory)",
    "",
    `Generated event (seed 1, scale ${SCALE}): ${meta.tickets} tickets, ${meta.transfers} transfers, ${meta.resales} resales, ${meta.admissions} admissions.`,
    `Median of ${RUNS} runs after a warm-up; ratio against the baseline measured in the same run. Load average ${load.join(" / ")} (1/5/15 min) on a shared 2-core machine; ${meta.at}.`,
    "",
    "| query | median ms | × baseline |",
    "| --- | ---: | ---: |",
    ...results.map((r) => `| ${r.query} | ${r.medianMs} | ${r.ratio} |`),
    "",
    "Re-run: `npx tsx scripts/bench/analytics.ts` (BENCH_SCALE, BENCH_RUNS).",
    "",
  ].join("\n");
  await writeFile(join(repoRoot, "benchmarks", "analytics.md"), md);
} finally {
  await close();
}
