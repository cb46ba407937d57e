import { describe, expect, it } from "vitest";
import { seededRandom, seededRandomInt } from "./seeded-random";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs across seeds", () => {
    const a = Array.from({ length: 8 }, seededRandom(9));
    expect(Array.from({ length: 8 }, seededRandom(9))).toEqual(a);
    expect(Array.from({ length: 8 }, seededRandom(10))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("spreads integers over the whole range", () => {
    const int = seededRandomInt(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[int(10)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});
