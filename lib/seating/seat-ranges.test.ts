import { describe, expect, it } from "vitest";
import { forEachInRanges, toRanges } from "./seat-ranges";

describe("seat ranges", () => {
  it("encode runs and decode back, whatever the order and duplicates", () => {
    expect(toRanges([])).toEqual([]);
    expect(toRanges([7, 3, 4, 5, 9, 4, 10, 11])).toEqual([3, 3, 7, 1, 9, 3]);
    const out: number[] = [];
    forEachInRanges([3, 3, 7, 1, 9, 3], 100, (i) => out.push(i));
    expect(out).toEqual([3, 4, 5, 7, 9, 10, 11]);
  });

  it("stays small for blocks of sold seats, and clamps every run to [0, limit)", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => i).filter((i) => Math.floor(i / 25) % 2 === 0);
    expect(toRanges(rows).length).toBe(2_000);
    let n = 0;
    forEachInRanges([0, 1e12, -5, 3, 10, Number.NaN], 1_000, () => n++);
    expect(n).toBe(1_000 + 3); // 0..999, then -5..-3 clamped to 0..2, then NaN: nothing
  });
});
