import { describe, expect, it } from "vitest";
import { bindingStatus } from "./binding-status";

const DEADLINE = 1_900_000_000;

describe("bindingStatus", () => {
  it("no deadline: not required", () => {
    expect(bindingStatus({ bindingDeadline: null, bound: false }, DEADLINE).state).toBe("not-required");
  });
  it("open, then due soon within 48 h, then missed after the deadline (inclusive, like the contract)", () => {
    const t = { bindingDeadline: DEADLINE, bound: false };
    expect(bindingStatus(t, DEADLINE - 3 * 86_400).state).toBe("open");
    expect(bindingStatus(t, DEADLINE - 3_600).state).toBe("due-soon");
    expect(bindingStatus(t, DEADLINE).state).toBe("due-soon");
    const missed = bindingStatus(t, DEADLINE + 1);
    expect(missed.state).toBe("missed");
    expect(missed.text).toMatch(/Not valid without binding/);
  });
  it("bound stays bound after the deadline", () => {
    expect(bindingStatus({ bindingDeadline: DEADLINE, bound: true }, DEADLINE + 10).state).toBe("bound");
  });
});
