import { describe, expect, it } from "vitest";
import { formatWait } from "./format-wait";

describe("formatWait", () => {
  it("rounds up to whole minutes and hours", () => {
    expect(formatWait(null)).toBe("unknown yet");
    expect(formatWait(0)).toBe("any moment now");
    expect(formatWait(20)).toBe("less than a minute");
    expect(formatWait(60)).toBe("about 1 minute");
    expect(formatWait(75)).toBe("about 2 minutes");
    expect(formatWait(3600)).toBe("about 1 h");
    expect(formatWait(3 * 3600 + 600)).toBe("about 3 h 10 min");
  });
});
