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
 * A value already in the environment wins.
 */
import { join } from "node:path";
import { repoRoot } from "./build-contracts";

const tsxLoader = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");

/** Node flags for the indexer (benchmarks/indexer.md measures them against Node's defaults). */
export const INDEXER_NODE_FLAGS: readonly string[] = ["--v8-pool-size=2", "--max-semi-space-size=4"];
export const INDEXER_MALLOC_ARENA_MAX = 2;

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
    args: [...nodeFlags, "--import", tsxLoader, join(repoRoot, "indexer", "main.ts")],
    env: { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? String(INDEXER_MALLOC_ARENA_MAX) },
  };
}
