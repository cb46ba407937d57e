/**
 * Sets of seat indexes on the wire as runs: `[start, length, start, length, …]`. Sold seats come in
 * blocks (groups, whole rows), so a sold-out 50,000-seat arena is a few hundred numbers, not 50,000.
 */
export type SeatRanges = number[];

/** Runs of `indexes` (any order, duplicates ignored). */
export function toRanges(indexes: Iterable<number>): SeatRanges {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1]! + 1) j++;
    out.push(sorted[i]!, j - i);
    i = j;
  }
  return out;
}

/** Calls `each` for every index in `ranges`, each run clamped to [0, limit) (a bad payload cannot make it loop for ever). */
export function forEachInRanges(ranges: SeatRanges, limit: number, each: (index: number) => void): void {
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const start = Math.max(0, Math.floor(ranges[r]!));
    const end = Math.min(limit, start + Math.max(0, Math.floor(ranges[r + 1]!)));
    for (let i = start; i < end; i++) each(i);
  }
}
