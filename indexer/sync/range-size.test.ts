import { describe, expect, it } from "vitest";
import { initialRangeSize, nextRangeSize } from "./range-size";

const limits = { maxBlocks: 2_000, targetLogs: 5_000 };

describe("range size", () => {
  it("starts small so a dense chain's first range stays bounded", () => {
    expect(initialRangeSize(2_000)).toBe(100);
    expect(initialRangeSize(3)).toBe(3);
  });

  it("doubles on empty or sparse full ranges up to the maximum", () => {
    let size = initialRangeSize(2_000);
    for (let i = 0; i < 10; i++)
      size = nextRangeSize(size, { blocks: size, logs: size / 10, ms: 50, full: true }, limits);
    expect(size).toBe(2_000);
    expect(nextRangeSize(100, { blocks: 100, logs: 0, ms: 10, full: true }, limits)).toBe(200);
  });

  it("aims at the target log count on a dense chain", () => {
    // 50 logs a block: 5,000 logs ≈ 100 blocks, whatever the size was.
    expect(nextRangeSize(400, { blocks: 400, logs: 20_000, ms: 900, full: true }, limits)).toBe(100);
    expect(nextRangeSize(100, { blocks: 100, logs: 5_000, ms: 900, full: true }, limits)).toBe(100);
    expect(
      nextRangeSize(100, { blocks: 100, logs: 2_000, ms: 900, full: true }, { ...limits, targetLogs: 5_000 }),
    ).toBe(200);
  });

  it("halves after a slow range and does not grow on a range cut short by the head", () => {
    expect(nextRangeSize(100, { blocks: 100, logs: 10, ms: 12_000, full: true }, limits)).toBe(50);
    expect(nextRangeSize(1, { blocks: 1, logs: 10, ms: 12_000, full: true }, limits)).toBe(1);
    expect(nextRangeSize(100, { blocks: 3, logs: 0, ms: 10, full: false }, limits)).toBe(100);
  });
});
