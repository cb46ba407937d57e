import { describe, expect, it } from "vitest";
import { requestBudget } from "./request-budget";

/** A clock that only moves when a waiter sleeps: time passes exactly as asked, and nothing really waits. */
function steppedClock() {
  let now = 0;
  const slept: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (slept.push(ms), (now += ms)), slept, elapsed: () => now };
}

describe("request budget", () => {
  it("lets one second of requests through at once, then paces the rest at the rate", async () => {
    const clock = steppedClock();
    const budget = requestBudget(10, clock);
    for (let i = 0; i < 10; i++) await budget.take();
    expect(clock.elapsed()).toBe(0);
    for (let i = 0; i < 20; i++) await budget.take();
    // 20 more at 10/s take 2 s of (stepped) time.
    expect(clock.elapsed()).toBe(2_000);
  });

  it("serves concurrent callers in arrival order, never more than the rate", async () => {
    const clock = steppedClock();
    const budget = requestBudget(2, clock);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => budget.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(clock.elapsed()).toBe(2_000);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => requestBudget(0)).toThrow(RangeError);
  });
});
