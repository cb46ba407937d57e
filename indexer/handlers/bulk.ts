/** Multi-row statements in bounded chunks: PostgreSQL allows 65,535 parameters per statement. */
export const ROWS_PER_STATEMENT = 1_000;

/** Calls `write` with consecutive chunks of `rows`, in order. */
export async function inChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  size = ROWS_PER_STATEMENT,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Log fields every append-only row carries. */
export function position(log: { blockNumber: bigint; logIndex: number; transactionHash: string }) {
  return { blockNumber: Number(log.blockNumber), logIndex: log.logIndex, txHash: log.transactionHash.toLowerCase() };
}

export const lower = (a: string) => a.toLowerCase();
