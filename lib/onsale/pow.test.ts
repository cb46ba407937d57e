import { describe, expect, it } from "vitest";
import { checkPow, PowCancelledError, PowGaveUpError, solvePow, solvePowAsync } from "./pow";

describe("solvePowAsync", () => {
  it("finds the same nonce as solvePow, which the server's check accepts, reporting progress between slices", async () => {
    const progress: number[] = [];
    const nonce = await solvePowAsync("challenge-1", 10, { sliceSize: 64, onProgress: (n) => progress.push(n) });
    expect(nonce).toBe(solvePow("challenge-1", 10));
    expect(checkPow("challenge-1", nonce, 10)).toBe(true);
    expect(progress.every((n, i) => n === (i + 1) * 64)).toBe(true);
  });

  it("yields to the event loop between slices, so a timer set before it runs before it ends", async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const solving = solvePowAsync("challenge-2", 12, { sliceSize: 16 });
    expect(timerRan).toBe(false);
    await solving;
    expect(timerRan).toBe(true);
  });

  it("stops when cancelled and gives up after maxTries", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solvePowAsync("c", 8, { signal: controller.signal })).rejects.toBeInstanceOf(PowCancelledError);
    await expect(solvePowAsync("c", 30, { maxTries: 100, sliceSize: 10 })).rejects.toBeInstanceOf(PowGaveUpError);
  });
});
