import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { applyHeapGrowth } from "./heap-growth";

describe("applyHeapGrowth", () => {
  it("refuses a negative or fractional percent with a RangeError", () => {
    expect(() => applyHeapGrowth(-1)).toThrow(RangeError);
    expect(() => applyHeapGrowth(1.5)).toThrow(RangeError);
  });

  it("accepts 0 (V8's own heuristic) and a percent without touching the heap limit", () => {
    const before = getHeapStatistics().heap_size_limit;
    expect(() => applyHeapGrowth(0)).not.toThrow();
    expect(() => applyHeapGrowth(20)).not.toThrow();
    expect(getHeapStatistics().heap_size_limit).toBe(before);
  });
});
