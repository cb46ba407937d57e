import { describe, expect, it } from "vitest";
import { microBatch } from "./micro-batch";

describe("microBatch", () => {
  it("answers calls of one turn with one query, in order, and queues the rest behind a running one", async () => {
    const queries: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const double = microBatch(
      async (keys: number[]) => {
        queries.push(keys);
        if (queries.length === 1) await gate;
        return keys.map((k) => k * 2);
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    const first = [1, 2].map(double);
    await new Promise((r) => setImmediate(r));
    const later = [3, 4, 5, 6, 7].map(double); // arrive while the first query runs
    release();
    expect(await Promise.all([...first, ...later])).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(queries).toEqual([
      [1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
  });

  it("a failed query rejects only its own callers", async () => {
    const f = microBatch(
      async (keys: number[]) => {
        if (keys.includes(0)) throw new Error("boom");
        return keys;
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const bad = f(0);
    await expect(bad).rejects.toThrow("boom");
    expect(await f(5)).toBe(5);
  });
});
