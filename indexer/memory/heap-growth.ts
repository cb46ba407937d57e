/**
 * How far V8 lets the old generation grow past the live heap before the next major GC. Left to itself V8
 * picks up to 4× when the program allocates fast, and backfill does (decoded logs, unnest arrays, RPC
 * JSON), so a ~60 MB live heap sat at ~200 MB between collections. A fixed factor keeps it near the live
 * size; more major GCs, each short on a small heap (benchmarks/indexer.md has both points).
 * The flag is read at every GC, so setting it after start-up takes effect.
 */
import { setFlagsFromString } from "node:v8";

/** Old generation limit = live size × 1.2 after each major GC (V8 still adds its minimum step of a few MB). */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/**
 * Process-wide. 0 leaves V8's own heuristic.
 *
 * @example
 * applyHeapGrowth(20);
 */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0)
    throw new RangeError(`heap growing percent must be a whole number ≥ 0, got ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
