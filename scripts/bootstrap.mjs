#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run test:chaos`, `npm run build`, `npm run bench` and `npm run fairgate`.
// Plain JavaScript with no dependencies, because it runs first, under whatever Node the
// machine has: it fetches Node 22 when the running Node is older, re-runs itself under it,
// installs dependencies when they are missing or stale, then hands over to the TypeScript task.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { constants } from "node:os";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MIN_NODE = [22, 12];
const tasks = {
  start: "scripts/start.ts",
  test: "scripts/test.ts",
  build: "scripts/build.ts",
  gas: "scripts/gas.ts",
  bench: "scripts/bench/run.ts",
  "bench-gate": "scripts/bench/gate.ts",
  gate: "scripts/gate/gate-cli.ts",
  fairgate: "scripts/cli/fairgate.ts",
  "bench:indexer": "scripts/bench/indexer.ts",
  "bench-app": "scripts/bench/app-pages.ts",
  "sim:onsale": "scripts/sim/onsale/main.ts",
  "test:chaos": "scripts/chaos.ts",
  "bench:gate-rush": "scripts/bench/gate-rush.ts",
  "bench:seats": "scripts/bench/seating.ts",
  "bench:rpc": "scripts/bench/rpc-provider.ts",
};

function log(message) {
  process.stdout.write(`\x1b[2m[setup]\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\n[setup] ${message}\n`);
  process.exit(1);
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// npm runs lifecycle scripts with its own node on PATH; make sure ours wins for every child.
function envWithNodeFirst(nodeBin) {
  return { ...process.env, PATH: `${nodeBin}${delimiter}${process.env.PATH ?? ""}` };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) fail(`${command} ${args.join(" ")} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

/** Re-run this script under a cached Node 22 from the npm registry package `node-<os>-<arch>@22`. */
function reexecUnderNode22() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(root, ".cache", "node22");
  const bin = join(prefix, "node_modules", pkg, "bin");
  const node = join(bin, process.platform === "win32" ? "node.exe" : "node");
  if (!existsSync(node)) {
    log(`Node ${process.versions.node} is older than ${MIN_NODE.join(".")}: fetching ${pkg}@22 into .cache/node22 …`);
    mkdirSync(prefix, { recursive: true });
    const status = run("npm", [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      `${pkg}@22`,
    ]);
    if (status !== 0 || !existsSync(node))
      fail(`Could not install ${pkg}@22 (npm exit ${status}). Install Node >= 22.12 yourself and re-run.`);
  }
  const child = spawn(node, process.argv.slice(1), { stdio: "inherit", env: envWithNodeFirst(bin) });
  forwardSignals(child);
  child.on("exit", exitLikeChild);
}

function exitLikeChild(code, signal) {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
}

function forwardSignals(child) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
}

/** What decides the installed tree: the dependency fields (not `scripts`), the lockfile, Node's major. */
function depsFingerprint() {
  const hash = createHash("sha256");
  hash.update(process.versions.node.split(".")[0]);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const fields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides", "bin"];
  hash.update(JSON.stringify(fields.map((f) => pkg[f] ?? null)));
  const lock = join(root, "package-lock.json");
  hash.update(existsSync(lock) ? readFileSync(lock) : "");
  return hash.digest("hex");
}

/** Hardhat's simulator is a native package npm skips silently under Node 20; its absence means a bad install. */
function edrNativeInstalled() {
  const dir = join(root, "node_modules", "@nomicfoundation");
  const candidates = {
    "linux-x64": ["edr-linux-x64-gnu", "edr-linux-x64-musl"],
    "linux-arm64": ["edr-linux-arm64-gnu", "edr-linux-arm64-musl"],
    "darwin-x64": ["edr-darwin-x64"],
    "darwin-arm64": ["edr-darwin-arm64"],
    "win32-x64": ["edr-win32-x64-msvc"],
  }[`${process.platform}-${process.arch}`];
  if (!candidates) return true; // unknown platform: let Hardhat report it
  return candidates.some((name) => existsSync(join(dir, name, "package.json")));
}

function ensureDependencies() {
  const stamp = join(root, "node_modules", ".fairgate-deps");
  const want = depsFingerprint();
  const have = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
  if (have === want && edrNativeInstalled()) return;
  log(
    existsSync(join(root, "node_modules"))
      ? "Dependencies changed: npm install …"
      : "Installing dependencies (first run, about a minute) …",
  );
  const started = Date.now();
  // `npm ci` refuses this lockfile (EDR names platform packages the registry lacks); `npm install` honours it.
  const status = run("npm", ["install", "--no-audit", "--no-fund"], {
    env: envWithNodeFirst(dirname(process.execPath)),
  });
  if (status !== 0) fail(`npm install failed (exit ${status}).`);
  if (!edrNativeInstalled())
    fail("Hardhat's native EDR package is missing after npm install; was npm run under Node < 22?");
  // Fingerprint after install: npm may have rewritten the lockfile.
  writeFileSync(stamp, `${depsFingerprint()}\n`);
  log(`Dependencies ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function main() {
  const task = process.argv[2];
  const script = tasks[task];
  if (!script) fail(`Unknown task "${task}". Use one of: ${Object.keys(tasks).join(", ")}.`);
  if (!nodeIsRecentEnough(process.versions.node)) return reexecUnderNode22();

  process.env.PATH = envWithNodeFirst(dirname(process.execPath)).PATH;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.HARDHAT_DISABLE_TELEMETRY_PROMPT ??= "true";
  ensureDependencies();

  const tsx = join(root, "node_modules", "tsx", "dist", "loader.mjs");
  const child = spawn(process.execPath, ["--import", tsx, join(root, script), ...process.argv.slice(3)], {
    stdio: "inherit",
    cwd: root,
    env: process.env,
  });
  forwardSignals(child);
  child.on("exit", exitLikeChild);
}

main();
