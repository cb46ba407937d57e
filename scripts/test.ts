/**
 * `npm test`: every suite, in order, then one closing line `N passed, N failed, N skipped`
 * summed over all of them. Exits non-zero if anything failed. Extra arguments are passed to
 * vitest (e.g. `npm test -- indexer/gate`), and then only the vitest suites run.
 */
import { stripVTControlCharacters } from "node:util";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildContracts, repoRoot } from "./lib/build-contracts";
import { ensureChromium, ensurePostgres } from "./lib/system-packages";

type Counts = { passed: number; failed: number; skipped: number };
type SuiteResult = Counts & { name: string; note?: string };

const results: SuiteResult[] = [];
const filters = process.argv.slice(2);

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const tee = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString("utf8");
      stream.write(chunk);
    };
    child.stdout.on("data", tee(process.stdout));
    child.stderr.on("data", tee(process.stderr));
    child.on("error", (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function banner(title: string): void {
  console.log(`\n\x1b[1m━━ ${title} ━━\x1b[0m`);
}

const nodeBin = (pkg: string, file: string) => join(repoRoot, "node_modules", pkg, file);

async function compile(): Promise<boolean> {
  banner("Compile contracts and generate ABIs");
  try {
    await buildContracts();
    console.log("ok");
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    results.push({ name: "compile", passed: 0, failed: 1, skipped: 0 });
    return false;
  }
}

async function typecheck(): Promise<void> {
  banner("Type check (tsc --noEmit)");
  const { code } = await run(process.execPath, [nodeBin("typescript", "bin/tsc"), "--noEmit", "-p", "."]);
  if (code === 0) console.log("ok");
  results.push({ name: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

async function lint(): Promise<void> {
  banner("Lint and format (biome ci)");
  const { code } = await run(process.execPath, [nodeBin("@biomejs/biome", "bin/biome"), "ci", "--colors=off", "."]);
  if (code === 0) console.log("ok");
  results.push({ name: "lint", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

async function solidityTests(): Promise<void> {
  banner("Contracts: Solidity tests (unit, fuzz, invariant)");
  // --snapshot-check: gas drift against the committed .gas-snapshot fails the run (`npm run gas` updates it).
  const { code, output } = await run(process.execPath, [
    nodeBin("hardhat", "dist/src/cli.js"),
    "test",
    "solidity",
    "--snapshot-check",
  ]);
  // Hardhat prints mocha-style totals; strip colour codes before reading them.
  const plain = stripVTControlCharacters(output);
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(plain)?.[1] ?? 0);
  const counts = { passed: count("passing"), failed: count("failing"), skipped: count("skipped") + count("pending") };
  // A crash before any test ran still has to count as a failure.
  let note: string | undefined;
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    const drift = gasDrift(plain);
    note = drift.length ? "gas changed: run `npm run gas` and commit the new numbers" : `hardhat exited with ${code}`;
    // Named in the summary, as vitest failures are: CI logs are often cut to their tail.
    for (const d of drift) failures.push(`solidity: gas snapshot ${d}`);
    if (!drift.length) for (const line of lastLines(plain, 5)) failures.push(`solidity: ${line}`);
  }
  results.push({ name: "solidity", ...counts, note });
}

/** `Contract#test(): expected → actual` for every entry Hardhat's snapshot check reports as changed. */
function gasDrift(plain: string): string[] {
  const entry =
    /^ {2}(\S+#\S+)\n {4}\(in [^)]*\)\n(?: {4}Runs: \d+\n)? {4}Expected \((?:~|gas)\): (\d+)\n {4}Actual \((?:~|gas)\): +(\d+)/gm;
  return [...plain.matchAll(entry)].map(([, name, expected, actual]) => `${name}: ${expected} → ${actual}`);
}

const lastLines = (text: string, n: number) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n);

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites?: number;
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
};

/** Failed tests by name with their first error line, repeated in the summary: CI logs are often cut to their tail. */
const failures: string[] = [];
const firstLine = (text: string | undefined) =>
  stripVTControlCharacters(text ?? "")
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim()
    .slice(0, 300) ?? "";

function collectFailures(project: string, json: VitestJson): void {
  for (const file of json.testResults ?? []) {
    const where = relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) failures.push(`${project}: ${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${project}: ${where}: ${firstLine(file.message)}`);
  }
}

async function vitest(project: string, title: string, files: string[] = []): Promise<void> {
  banner(title);
  const dir = await mkdtemp(join(tmpdir(), "fairgate-vitest-"));
  const jsonFile = join(dir, "results.json");
  const args = [
    nodeBin("vitest", "vitest.mjs"),
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${jsonFile}`,
    "--passWithNoTests",
    ...(filters.length ? filters : files),
  ];
  const { code } = await run(process.execPath, args);
  try {
    const json = JSON.parse(await readFile(jsonFile, "utf8")) as VitestJson;
    const failedSuites = json.numFailedTestSuites ?? 0;
    const counts = {
      passed: json.numPassedTests,
      // A file that fails to load has no failed tests but is a failure.
      failed: json.numFailedTests + (json.numFailedTests === 0 ? failedSuites : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    collectFailures(project, json);
    results.push({ name: project, ...counts });
  } catch {
    results.push({ name: project, passed: 0, failed: 1, skipped: 0, note: "vitest wrote no results" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Chaos tests cheap enough for every `npm test` (about two minutes together on two cores). */
const FAST_CHAOS_FILES = [
  "test/chaos/hostile-input.test.ts",
  "test/chaos/reorgs.test.ts",
  "test/chaos/gate-rush.test.ts",
  "test/chaos/process-faults.test.ts",
];

const skipNotes: string[] = [];

/**
 * PostgreSQL and Chromium for the suites that need them: found, or installed with apt where we
 * run as root (as on CI). Otherwise those suites skip, loudly, and count as skipped.
 */
function systemPackages(): void {
  banner("System packages (PostgreSQL, Chromium)");
  const pg = ensurePostgres();
  if (pg.available) process.env.FAIRGATE_PG_BIN = pg.path;
  else process.env.FAIRGATE_PG_SKIP = pg.reason;
  const chromium = ensureChromium();
  if (chromium.available) process.env.FAIRGATE_CHROMIUM = chromium.path;
  else process.env.FAIRGATE_CHROMIUM_SKIP = chromium.reason;
  for (const [name, p] of [
    ["PostgreSQL", pg],
    ["Chromium", chromium],
  ] as const) {
    if (p.available) console.log(`${name}: ${p.path}`);
    else {
      const note = `${name} suites SKIPPED: ${p.reason}`;
      skipNotes.push(note);
      console.log(`\x1b[33m⚠ ${note}\x1b[0m`);
    }
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  systemPackages();
  const compiled = await compile();
  if (compiled) {
    if (filters.length === 0) {
      await typecheck();
      await lint();
      await solidityTests();
    }
    await vitest("unit", "TypeScript: unit and integration tests (vitest)");
    await vitest("e2e", "End to end: real chain, indexer and app processes (vitest)");
    // The chaos suite's fast profile; RPC faults and the full sizes run under `npm run test:chaos`.
    process.env.CHAOS_PROFILE = "fast";
    await vitest(
      "chaos",
      "Chaos, fast profile: hostile input, reorgs, kill -9 + secrets, gate rush (vitest)",
      FAST_CHAOS_FILES,
    );
  }

  const total = results.reduce<Counts>(
    (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  banner("Summary");
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? `  (${r.note})` : ""}`,
    );
  }
  for (const note of skipNotes) console.log(`  \x1b[33m⚠ ${note}\x1b[0m`);
  for (const f of failures) console.log(`  \x1b[31m✗ ${f}\x1b[0m`);
  console.log(`  took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

await main();
