import { describe, expect, it } from "vitest";
import { formatEth, transferModeName, zoneNames } from "./ticket-words";

describe("ticket words", () => {
  it("names zone bits", () => {
    expect(zoneNames(0b101)).toEqual(["General", "Backstage"]);
    expect(zoneNames(1 << 5)).toEqual(["Zone 5"]);
    expect(zoneNames(0)).toEqual([]);
  });
  it("maps transfer modes and wei", () => {
    expect(transferModeName(1)).toBe("MarketOnly");
    expect(transferModeName(9)).toBe("Locked");
    expect(formatEth(150_000_000_000_000_000n)).toBe("0.15 ETH");
  });
});
