/**
 * How every launcher runs the indexer process (`npm start`, the end-to-end tests, the benchmark): one place
 * for its Node flags and process environment, so the benchmarked process is the one that ships.
 *
 * The memory settings here must be given before the process starts (indexer/README.md, "Memory"):
 * - `--v8-pool-size`: V8's background threads (GC helpers, optimizing compiler). Each keeps its own malloc
 *   arena; on a 2-core machine four of them buy nothing.
 * - `--max-semi-space-size`: V8's young generation (MB per semi-space; Node's default grows to 16): less heap
 *   reserved between scavenges.
 * - `MALLOC_ARENA_MAX`: glibc's per-thread malloc arenas, which keep freed memory; fewer of them, less RSS.
 * - `--heap-growing-percent` (from `HEAP_GROWING_PERCENT`, default 20): how far V8 lets the old generation grow
 *   past the live heap before the next major GC. Left to itself V8 picks up to 4× when the program allocates
 *   fast, and backfill does, so a ~60 MB live heap sat at ~200 MB between collections; 20 % keeps it near the
 *   live size, with more (short) major GCs. 0 leaves V8's heuristic. Process tuning lives here, in the
 *   launcher, never in library code.
 * A value already in the environment wins.
 */
import { join } from "node:path";
import { repoRoot } from "./build-contracts";

const tsxLoader = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");

/** Node flags for the indexer (benchmarks/indexer.md measures them against Node's defaults). */
export const INDEXER_NODE_FLAGS: readonly string[] = ["--v8-pool-size=2", "--max-semi-space-size=4"];
export const INDEXER_MALLOC_ARENA_MAX = 2;
/** Old generation limit = live size × 1.2 after each major GC (benchmarks/indexer.md has both points). */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

export class LauncherSettingError extends Error {
  override name = "LauncherSettingError";
}

/** `--heap-growing-percent=N` from `HEAP_GROWING_PERCENT` (a whole number 0–1000; 0: V8's own heuristic, no flag). */
export function heapGrowthFlags(env: Record<string, string | undefined>): string[] {
  const raw = env.HEAP_GROWING_PERCENT ?? String(DEFAULT_HEAP_GROWING_PERCENT);
  if (!/^[0-9]{1,4}$/.test(raw) || Number(raw) > 1_000)
    throw new LauncherSettingError(`HEAP_GROWING_PERCENT must be a whole number from 0 to 1000, got "${raw}"`);
  return Number(raw) === 0 ? [] : [`--heap-growing-percent=${Number(raw)}`];
}

export type IndexerCommand = { command: string; args: string[]; env: Record<string, string> };

/**
 * @example
 * const { command, args, env } = indexerCommand();
 * group.start("indexer", command, args, { env: { ...process.env, ...env, RPC_URL } });
 */
export function indexerCommand(
  env: Record<string, string | undefined> = process.env,
  nodeFlags: readonly string[] = INDEXER_NODE_FLAGS,
): IndexerCommand {
  return {
    command: process.execPath,
    args: [...nodeFlags, ...heapGrowthFlags(env), "--import", tsxLoader, join(repoRoot, "indexer", "main.ts")],
    env: { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? String(INDEXER_MALLOC_ARENA_MAX) },
  };
}
