import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter";

describe("rate limiter", () => {
  it("allows a burst, then the sustained rate, per key", () => {
    let t = 0;
    const rl = createRateLimiter({ perSecond: 10, burst: 20, now: () => t });
    let ok = 0;
    for (let i = 0; i < 50; i++) if (rl.take("a")) ok++;
    expect(ok).toBe(20);
    expect(rl.take("b")).toBe(true); // another device has its own bucket
    t += 500; // half a second refills 5
    ok = 0;
    for (let i = 0; i < 50; i++) if (rl.take("a")) ok++;
    expect(ok).toBe(5);
  });
});
