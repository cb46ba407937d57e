/** How every PGlite instance starts. */
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

/**
 * Postgres touches all of its shared buffers at start-up, and in PGlite they live in the WebAssembly heap,
 * which never shrinks: each MB here is a MB of the process's RSS from the first second. One process on one
 * connection does fine with few; the OS page cache keeps the rest of the data files
 * (benchmarks/indexer.md: 8 MB vs 32 MB).
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 8;

/** PGlite options with `shared_buffers` in MB (Postgres's minimum is 128 kB; 1 MB here). */
export function pgliteOptions(sharedBuffersMb = DEFAULT_PGLITE_SHARED_BUFFERS_MB): PGliteOptions {
  return { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffersMb}MB`] };
}

export const PGLITE_OPTIONS: PGliteOptions = pgliteOptions();
