import { describe, expect, it } from "vitest";
import { classifySlot, msUntilNextSlot, slotAt } from "./slot";

describe("pass slots", () => {
  it("counts slots of 10 s and says when the next one starts", () => {
    expect(slotAt(0)).toBe(0);
    expect(slotAt(9_999)).toBe(0);
    expect(slotAt(10_000)).toBe(1);
    expect(slotAt(60_000, 30)).toBe(2);
    expect(msUntilNextSlot(12_500)).toBe(7_500);
  });

  it("accepts the current slot ± skew, calls older 'old' and later 'future'", () => {
    const now = 1_000_000_000; // slot 100000
    expect(classifySlot(100_000, now)).toBe("ok");
    expect(classifySlot(99_999, now)).toBe("ok");
    expect(classifySlot(100_001, now)).toBe("ok");
    expect(classifySlot(99_998, now)).toBe("old");
    expect(classifySlot(100_002, now)).toBe("future");
    expect(classifySlot(99_998, now, 10, 2)).toBe("ok");
  });
});
