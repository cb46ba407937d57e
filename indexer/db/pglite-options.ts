/** How every PGlite instance starts. */
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";

/**
 * Postgres's default 128 MB of shared buffers all lives in PGlite's WebAssembly heap (and so in the
 * process's RSS); one process on one connection does fine with 32 MB, the OS page cache keeping the rest.
 */
export const PGLITE_OPTIONS: PGliteOptions = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"] };
