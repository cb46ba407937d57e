/**
 * Chaos suite settings and results. `CHAOS_PROFILE=fast` (the default, run by `npm test`) keeps
 * each fault class to a few seconds; `full` (`npm run test:chaos`) runs the long versions.
 * `CHAOS_SEED` replays a run. When `CHAOS_RESULTS_DIR` is set (by scripts/chaos.ts), each test
 * writes its row of the fault table there, and benchmarks/chaos.md is built from those rows.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type ChaosProfile = "fast" | "full";

export const chaosProfile: ChaosProfile = process.env.CHAOS_PROFILE === "full" ? "full" : "fast";
export const chaosSeed = Number(process.env.CHAOS_SEED ?? 1) >>> 0;

/** `fast` value in npm test, `full` value under test:chaos. */
export function scaled<T>(fast: T, full: T): T {
  return chaosProfile === "full" ? full : fast;
}

/** One row of the fault table: what was injected, how often, and what was lost (should be nothing). */
export type ChaosRow = {
  faultClass: string;
  injected: string;
  count: number;
  /** Human-readable breakdown (e.g. per fault kind). */
  detail?: string;
  lost: string;
  /** Checks that passed, in words. */
  checks: string[];
};

export function recordChaos(row: ChaosRow): void {
  const dir = process.env.CHAOS_RESULTS_DIR;
  console.log(
    `[chaos] ${row.faultClass}: ${row.count} × ${row.injected}; lost: ${row.lost}${row.detail ? ` (${row.detail})` : ""}`,
  );
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = row.faultClass.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  writeFileSync(
    join(dir, `${file}.json`),
    `${JSON.stringify({ ...row, profile: chaosProfile, seed: chaosSeed }, null, 2)}\n`,
  );
}
