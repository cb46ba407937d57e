import { describe, expect, it } from "vitest";
import { gateZoneName } from "./gate-zone-name";

describe("gate zone names", () => {
  it("names zones in words, never 'zone 0'", () => {
    expect(gateZoneName(0)).toBe("General");
    expect(gateZoneName(1)).toBe("VIP");
    expect(gateZoneName(2)).toBe("Backstage");
    expect(gateZoneName(7)).toBe("Zone 7");
    expect(gateZoneName(31)).toBe("Zone 31");
  });
});
