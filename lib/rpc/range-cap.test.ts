import { describe, expect, it } from "vitest";
import { rangeCap, sharedRangeCap } from "./range-cap";

describe("range cap", () => {
  it("knows nothing until a refusal, then takes the size the refusal names", () => {
    const cap = rangeCap();
    expect(cap.blocks).toBeUndefined();
    expect(cap.clamp(5_000)).toBe(5_000);
    expect(
      cap.refused(5_000, new Error("Log response size exceeded. this block range should work: [0x64, 0x833]")),
    ).toBe(2_000);
    expect(cap.blocks).toBe(2_000);
    expect(cap.clamp(5_000)).toBe(2_000);
    expect(cap.clamp(300)).toBe(300);
  });

  it("halves when the refusal names no size, and only ever goes down", () => {
    const cap = rangeCap();
    expect(cap.refused(800, new Error("invalid block range params"))).toBe(400);
    // A stated cap larger than the attempt says nothing about this attempt: halve again.
    expect(cap.refused(400, new Error("eth_getLogs is limited to a 10,000 range"))).toBe(200);
    expect(cap.refused(5_000, new Error("exceed maximum block range: 2000"))).toBe(200);
    expect(cap.refused(1, new Error("block range too large"))).toBe(1);
  });

  it("is one cap per RPC URL for the whole process", () => {
    const a = sharedRangeCap("http://provider.test/a");
    a.refused(1_000, new Error("exceed maximum block range: 500"));
    expect(sharedRangeCap("http://provider.test/a").blocks).toBe(500);
    expect(sharedRangeCap("http://provider.test/b").blocks).toBeUndefined();
  });
});
