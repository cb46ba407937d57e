/** Failures of a sync step that the engine names: it reports them and tries again later. */

/** A block changed between reading it and reading its logs: try the range again. */
export class BlockChangedError extends Error {
  override name = "BlockChangedError";
}

/** The RPC answers for another chain (a misrouted endpoint): nothing is read or rolled back until it is right again. */
export class WrongChainError extends Error {
  override name = "WrongChainError";
}
