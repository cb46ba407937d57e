/**
 * `npm run bench:gate-rush [-- --tickets N --gates G --seed S]`: the door rush of a 50,000-ticket
 * event through POST /gate/pass/scan (real Hono app and verify pipeline, loopback): 60 gates,
 * 20 % double scans, 5 % screenshots, 2 % forwarded QRs, 1 % resold mid-rush. Checks exactly one
 * ADMIT per valid ticket and none for invalid scans; reports throughput and latency next to the
 * node:crypto P-256 verify floor measured in the same run, with the load average (shared machine).
 * Writes benchmarks/gate-rush.{md,json}; exits 1 if any check failed.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../lib/build-contracts";
import { measureFloors } from "./gate/floors";
import { runGateRush } from "./gate-rush/run-rush";

const { values } = parseArgs({
  options: {
    tickets: { type: "string", default: "50000" },
    gates: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
  },
});
const opts = { tickets: Number(values.tickets), gates: Number(values.gates), seed: Number(values.seed) };
const fmt = (n: number, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }) : "n/a";

console.log(`Gate rush: ${fmt(opts.tickets)} tickets, ${opts.gates} gates, seed ${opts.seed}`);
const [p256] = await measureFloors();
const r = await runGateRush(opts, (l) => console.log(`  ${l}`));
const ok =
  r.serverErrors === 0 &&
  r.missed.length === 0 &&
  r.doubleAdmitted.length === 0 &&
  r.invalidAdmits === 0 &&
  r.wrongReasons.length === 0;
const load = r.loadAverage.map((l) => l.toFixed(1)).join(" / ");
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.versions.node}, load average at the end ${load} (shared machine)`;
const categories = Object.entries(r.byCategory).map(
  ([c, v]) =>
    `| ${c} | ${fmt(v.scans)} | ${Object.entries(v.verdicts)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(", ")} |`,
);
const md = [
  "# Gate rush benchmark",
  "",
  `Regenerate: \`npm run bench:gate-rush\` (also run by \`npm run test:chaos\`). Machine: ${machine}. Run: ${new Date().toISOString()}.`,
  "",
  `A ${fmt(opts.tickets)}-ticket event's doors: ${opts.gates} gates (each its own scanner session) POST /gate/pass/scan on loopback`,
  "keep-alive connections through the real Hono app and verify pipeline (PGlite in memory; load generator in its own process),",
  "closed loop (each gate scans its next pass when the last one answered). Fans hold ~2.5 tickets each, one delegated device key",
  "per fan. 20 % of fans scan twice (anywhere later in the rush, so some second scans race the first at another gate), 5 % also",
  "show a screenshot (stale slot), 2 % of tickets get a forwarded QR (a friend's device signing for a ticket the friend does not hold),",
  "1 % are resold mid-rush (Transfer applied through the indexer's own log handlers; the buyer delegates a new device) and then",
  "scanned by seller and buyer. Passes are signed before the rush with a 600 s slot so they stay live (verify cost does not depend on",
  "the slot). The mirror holds the event, its tier and every ticket, as the indexer keeps them, so admissions take the",
  'one-statement path (gate_admit). The chain is unreachable and refuses at once: a mirror "no" (forwarded QR, resold seller)',
  "is double-checked with ownerOf (the ownerOf calls column), which fails, and the fresh mirror's answer stands.",
  "",
  "| checks | result |",
  "| --- | --- |",
  `| exactly one ADMIT per valid ticket | ${fmt(r.admittedOnce)} / ${fmt(r.validTickets)}${r.missed.length ? `; never admitted: ${r.missed.join(", ")}` : ""}${r.doubleAdmitted.length ? `; admitted twice: ${r.doubleAdmitted.join(", ")}` : ""} |`,
  `| ADMITs of invalid scans (screenshot, forwarded, resold seller) | ${r.invalidAdmits} |`,
  `| unexpected deny reasons | ${r.wrongReasons.length ? r.wrongReasons.join("; ") : "none"} |`,
  `| HTTP 5xx / transport errors | ${r.serverErrors}${r.serverErrorSamples.length ? ` (${r.serverErrorSamples.join("; ")})` : ""} |`,
  `| overall | ${ok ? "PASS" : "FAIL"} |`,
  "",
  "| scans | time s | scans/s | ÷ P-256 verify/s (same run) | p50 ms | p99 ms | max ms | ownerOf calls |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  `| ${fmt(r.scans)} | ${fmt(r.ms / 1000, 1)} | ${fmt(r.scansPerSecond)} | ${fmt(r.scansPerSecond / p256!.opsPerSecond, 3)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${r.rpcCalls} |`,
  "",
  `P-256 verify floor (node:crypto, 1 core, same run): ${fmt(p256!.opsPerSecond)}/s.`,
  "",
  "| scan kind | scans | verdicts |",
  "| --- | ---: | --- |",
  ...categories,
  "",
].join("\n");
console.log(`\n${md}`);
await writeFile(join(repoRoot, "benchmarks", "gate-rush.md"), md);
await writeFile(
  join(repoRoot, "benchmarks", "gate-rush.json"),
  `${JSON.stringify({ machine, ranAt: new Date().toISOString(), floor: p256, ok, ...r }, null, 2)}\n`,
);
console.log("Written: benchmarks/gate-rush.md, benchmarks/gate-rush.json");
if (!ok) process.exitCode = 1;
