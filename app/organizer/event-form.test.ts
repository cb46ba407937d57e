import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { defaultEventForm, parseEventForm, type EventForm } from "./event-form";

const form = (over: Partial<EventForm> = {}): EventForm => ({
  ...defaultEventForm(new Date("2030-01-01T12:00:00Z")),
  name: "Summer Gig",
  start: "2030-06-01T20:00",
  end: "2030-06-01T23:00",
  ...over,
});

describe("parseEventForm", () => {
  it("builds the contract structs", () => {
    const result = parseEventForm(
      form({ tiers: [{ faceValueEth: "0.05", supply: "100", zones: 3, mode: 1, resaleCapPercent: "110", voucherOnly: false }], royaltyPercent: "2.5", lockWindowHours: "2" }),
    );
    if (!result.ok) throw new Error(result.problems.join("; "));
    expect(result.config).toMatchObject({ name: "Summer Gig", symbol: "FG", lockWindow: 7200, maxPerWallet: 4, royaltyBps: 250 });
    expect(result.config.endTime - result.config.startTime).toBe(3n * 3600n);
    expect(result.tiers).toEqual([{ faceValue: parseEther("0.05"), supply: 100, zones: 3, mode: 1, resaleCapBps: 11_000, voucherOnly: false }]);
  });

  it("lists every problem in words", () => {
    const result = parseEventForm(form({ name: " ", end: "2030-06-01T19:00", tiers: [{ faceValueEth: "-1", supply: "0", zones: 0, mode: 0, resaleCapPercent: "x", voucherOnly: false }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "Name: required",
        "End: must be after the start",
        "Tier 0: Face value: an amount in ETH like 0.05",
        "Tier 0: Supply: between 1 and 16777215",
        "Tier 0: Zones: pick at least one",
      ]),
    );
  });

  it("refuses more than 8 tiers", () => {
    const tier = form().tiers[0]!;
    const result = parseEventForm(form({ tiers: Array.from({ length: 9 }, () => tier) }));
    expect(result.ok ? [] : result.problems).toContain("Tiers: at most 8");
  });
});
