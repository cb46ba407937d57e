import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A system program the slower suites need, found (or installed), or the reason it is not there. */
export type SystemPackage = { available: true; path: string } | { available: false; reason: string };

const APT_TIMEOUT_MS = 15 * 60_000;
let aptUpdated = false;

function canApt(): string | undefined {
  if (process.platform !== "linux") return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return "not running as root, so apt-get cannot install it";
  if (spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0) return "apt-get is not available";
  return undefined;
}

function aptInstall(pkg: string): string | undefined {
  const blocked = canApt();
  if (blocked) return blocked;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    if (!aptUpdated) {
      execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env, timeout: APT_TIMEOUT_MS });
      aptUpdated = true;
    }
    execFileSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", pkg], {
      stdio: "inherit",
      env,
      timeout: APT_TIMEOUT_MS,
    });
    return undefined;
  } catch (error) {
    return `apt-get install ${pkg} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
}

function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (p): p is string => !!p && existsSync(p),
  );
}

/** Chromium for browser tests: `CHROMIUM_PATH`, the system one, or installed with apt where we are root. */
export function ensureChromium(): SystemPackage {
  let path = findChromium();
  if (!path) {
    const failed = aptInstall("chromium");
    if (failed) return { available: false, reason: `Chromium not found and ${failed}` };
    path = findChromium();
  }
  return path
    ? { available: true, path }
    : { available: false, reason: "Chromium still missing after apt-get install" };
}

function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const initdb = which.stdout.trim();
  return which.status === 0 && initdb ? join(initdb, "..") : undefined;
}

/** PostgreSQL server binaries (initdb, pg_ctl, postgres): the folder that holds them. */
export function ensurePostgres(): SystemPackage {
  let bin = findPostgresBin();
  if (!bin) {
    const failed = aptInstall("postgresql");
    if (failed) return { available: false, reason: `PostgreSQL not found and ${failed}` };
    bin = findPostgresBin();
  }
  return bin
    ? { available: true, path: bin }
    : { available: false, reason: "PostgreSQL still missing after apt-get install" };
}
