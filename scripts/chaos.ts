/**
 * `npm run test:chaos [-- --seed N --fast --rush-tickets N --skip-bench]`: the chaos suite at full size
 * (CHAOS_PROFILE=full): RPC faults, process kills, random reorgs, hostile input, secrets, a 2,000-ticket
 * rush test, then the gate rush benchmark (50,000 tickets unless --rush-tickets) and the contracts' fuzz/invariant/security tests.
 * Each test writes its row of the fault table; this script joins them into benchmarks/chaos.md
 * and benchmarks/chaos.json (what was injected, how many times, what was lost). Exits 1 on any failure.
 */
import { stripVTControlCharacters } from "node:util";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ChaosRow } from "../test/chaos/chaos-profile";
import { buildContracts, repoRoot } from "./lib/build-contracts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    fast: { type: "boolean", default: false },
    "skip-bench": { type: "boolean", default: false },
    "rush-tickets": { type: "string", default: "50000" },
  },
});
const profile = values.fast ? "fast" : "full";
const nodeBin = (pkg: string, file: string) => join(repoRoot, "node_modules", pkg, file);

function run(title: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  console.log(`\n\x1b[1m━━ ${title} ━━\x1b[0m`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const tee = (stream: NodeJS.WriteStream) => (c: Buffer) => {
      output += c.toString("utf8");
      stream.write(c);
    };
    child.stdout.on("data", tee(process.stdout));
    child.stderr.on("data", tee(process.stderr));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

const started = Date.now();
await buildContracts();
const resultsDir = await mkdtemp(join(tmpdir(), "fairgate-chaos-"));
const env = { ...process.env, CHAOS_PROFILE: profile, CHAOS_SEED: values.seed, CHAOS_RESULTS_DIR: resultsDir };
const failures: string[] = [];
const suites: { name: string; code: number; note: string }[] = [];

const vitest = await run(
  `Chaos suite (${profile}, seed ${values.seed})`,
  [nodeBin("vitest", "vitest.mjs"), "run", "--project", "chaos"],
  env,
);
const plainVitest = stripVTControlCharacters(vitest.output);
suites.push({
  name: "vitest chaos project",
  code: vitest.code,
  note: /^\s*Tests\s+(.*)$/m.exec(plainVitest)?.[1]?.trim() ?? "",
});

const solidity = await run(
  "Contracts: fuzz, invariants, access control, reentrancy (Solidity tests)",
  [nodeBin("hardhat", "dist/src/cli.js"), "test", "solidity"],
  env,
);
const plainSol = stripVTControlCharacters(solidity.output);
const passing = Number(/(\d+) passing/.exec(plainSol)?.[1] ?? 0);
const failing = Number(/(\d+) failing/.exec(plainSol)?.[1] ?? 0);
const invariants = (plainSol.match(/invariant_\w+/g) ?? []).filter((v, i, a) => a.indexOf(v) === i);
const solRow: ChaosRow = {
  faultClass: "Contract security",
  injected:
    "Solidity fuzz + invariant campaigns (funds conservation, caps, check-in freeze), access-control and malicious-receiver reentrancy tests",
  count: passing + failing,
  detail: `${passing} passing, ${failing} failing; invariants: ${invariants.join(", ")}; see contracts/SECURITY.md for the manual checklist (Slither not installable here)`,
  lost:
    failing === 0 && solidity.code === 0
      ? "nothing: every invariant held, every privileged call by a stranger reverted, every reentrant call was blocked"
      : `FAILED: ${failing} failing`,
  checks: ["hardhat test solidity"],
};
suites.push({ name: "solidity", code: solidity.code, note: `${passing} passing, ${failing} failing` });

if (!values["skip-bench"]) {
  const tickets = profile === "fast" ? "5000" : values["rush-tickets"];
  const rush = await run(
    `Gate rush benchmark (${Number(tickets).toLocaleString("en")} tickets)`,
    [
      "--import",
      nodeBin("tsx", "dist/loader.mjs"),
      join(repoRoot, "scripts", "bench", "gate-rush.ts"),
      "--tickets",
      tickets,
      "--seed",
      values.seed,
    ],
    env,
  );
  suites.push({ name: "bench:gate-rush", code: rush.code, note: "benchmarks/gate-rush.md" });
}

const rows: (ChaosRow & { profile?: string })[] = [];
for (const f of (await readdir(resultsDir)).sort()) rows.push(JSON.parse(await readFile(join(resultsDir, f), "utf8")));
rows.push(solRow);
if (!values["skip-bench"]) {
  try {
    const rush = JSON.parse(await readFile(join(repoRoot, "benchmarks", "gate-rush.json"), "utf8"));
    const c = rush.byCategory as Record<string, { scans: number }>;
    const invalid = (c.screenshot?.scans ?? 0) + (c.forwarded?.scans ?? 0) + (c.resoldSeller?.scans ?? 0);
    rows.push({
      faultClass: "Gate rush (benchmark)",
      injected: `${rush.tickets.toLocaleString("en")}-ticket rush, ${rush.gates} gates: ${c.double?.scans} double scans, ${c.screenshot?.scans} screenshots, ${c.forwarded?.scans} forwarded QRs, ${c.resoldBuyer?.scans} resold mid-rush`,
      count: rush.scans,
      detail: `${Math.round(rush.scansPerSecond)} scans/s, p50 ${rush.p50.toFixed(1)} ms, p99 ${rush.p99.toFixed(1)} ms, load ${rush.loadAverage.map((l: number) => l.toFixed(1)).join("/")}`,
      lost: rush.ok
        ? `nothing: ${rush.admittedOnce}/${rush.validTickets} valid tickets admitted exactly once, 0 of ${invalid} invalid scans admitted`
        : "FAILED (see benchmarks/gate-rush.md)",
      checks: ["benchmarks/gate-rush.md"],
    });
  } catch {
    failures.push("no gate-rush results");
  }
}
await rm(resultsDir, { recursive: true, force: true });
for (const s of suites) if (s.code !== 0) failures.push(`${s.name} (exit ${s.code})`);

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");
const esc = (s: string) => s.replace(/\|/g, "\\|");
const md = [
  "# Chaos run: faults injected and what was lost",
  "",
  `Generated by \`npm run test:chaos\` (profile ${profile}, seed ${values.seed}; replay with \`npm run test:chaos -- --seed ${values.seed}\`).`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.versions.node}, load average at the end ${load} (shared machine). Run: ${new Date().toISOString()}, took ${Math.round((Date.now() - started) / 1000)} s.`,
  "The fast profile of the same tests runs in `npm test`. Tests: test/chaos/*.test.ts; rush: scripts/bench/gate-rush.ts.",
  "",
  "| fault class | injected | times | lost |",
  "| --- | --- | ---: | --- |",
  ...rows.map(
    (r) => `| ${esc(r.faultClass)} | ${esc(r.injected)} | ${r.count.toLocaleString("en")} | ${esc(r.lost)} |`,
  ),
  "",
  "## Details",
  "",
  ...rows.flatMap((r) => [
    `- **${r.faultClass}**: ${r.detail ?? ""}${r.checks.length ? ` Checks: ${r.checks.join("; ")}.` : ""}`,
  ]),
  "",
  "## Suites",
  "",
  ...suites.map(
    (s) => `- ${s.name}: ${s.code === 0 ? "passed" : `FAILED (exit ${s.code})`}${s.note ? ` — ${s.note}` : ""}`,
  ),
  "",
].join("\n");
await writeFile(join(repoRoot, "benchmarks", "chaos.md"), md);
await writeFile(
  join(repoRoot, "benchmarks", "chaos.json"),
  `${JSON.stringify({ profile, seed: Number(values.seed), ranAt: new Date().toISOString(), load: loadavg(), rows, suites }, null, 2)}\n`,
);
console.log(`\n${md}\nWritten: benchmarks/chaos.md, benchmarks/chaos.json`);
if (failures.length) console.error(`Chaos run FAILED: ${failures.join(", ")}`);
process.exit(failures.length ? 1 : 0);
