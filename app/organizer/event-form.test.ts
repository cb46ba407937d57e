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
      form({
        tiers: [
          {
            faceValueEth: "0.05",
            supply: "100",
            zones: 3,
            mode: 1,
            resaleCapPercent: "110",
            voucherOnly: false,
            reserved: false,
          },
        ],
        royaltyPercent: "2.5",
        lockWindowHours: "2",
      }),
    );
    if (!result.ok) throw new Error(result.problems.join("; "));
    expect(result.config).toMatchObject({
      name: "Summer Gig",
      symbol: "FG",
      lockWindow: 7200,
      maxPerWallet: 4,
      royaltyBps: 250,
    });
    expect(result.config.endTime - result.config.startTime).toBe(3n * 3600n);
    expect(result.tiers).toEqual([
      {
        faceValue: parseEther("0.05"),
        supply: 100,
        zones: 3,
        mode: 1,
        resaleCapBps: 11_000,
        voucherOnly: false,
        reserved: false,
      },
    ]);
  });

  it("passes a reserved-seating tier through and refuses one that is also voucher only", () => {
    const tier = {
      faceValueEth: "0.05",
      supply: "100",
      zones: 1,
      mode: 1,
      resaleCapPercent: "110",
      voucherOnly: false,
      reserved: true,
    };
    const ok = parseEventForm(form({ tiers: [tier] }));
    if (!ok.ok) throw new Error(ok.problems.join("; "));
    expect(ok.tiers[0]?.reserved).toBe(true);
    const both = parseEventForm(form({ tiers: [{ ...tier, voucherOnly: true }] }));
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.problems.join(" ")).toMatch(/reserved-seating tier cannot be voucher only/);
  });

  it("lists every problem in words", () => {
    const result = parseEventForm(
      form({
        name: " ",
        end: "2030-06-01T19:00",
        tiers: [
          {
            faceValueEth: "-1",
            supply: "0",
            zones: 0,
            mode: 0,
            resaleCapPercent: "x",
            voucherOnly: false,
            reserved: false,
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "Name: required",
        "End: must be after the start",
        "Tier 0: Face value: an amount like 0.05 (at most 18 decimals)",
        "Tier 0: Supply: between 1 and 16777215",
        "Tier 0: Zones: pick at least one",
      ]),
    );
  });

  it("prices a token event with the token's decimals and records its address", () => {
    const usd = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const result = parseEventForm(
      form({
        currency: usd,
        tiers: [
          {
            faceValueEth: "25.5",
            supply: "10",
            zones: 1,
            mode: 0,
            resaleCapPercent: "100",
            voucherOnly: false,
            reserved: false,
          },
        ],
      }),
      { decimals: 6 },
    );
    if (!result.ok) throw new Error(result.problems.join("; "));
    expect(result.config.currency).toBe(usd);
    expect(result.tiers[0]!.faceValue).toBe(25_500_000n);
    const tooFine = parseEventForm(
      form({
        currency: usd,
        tiers: [
          {
            faceValueEth: "0.0000001",
            supply: "10",
            zones: 1,
            mode: 0,
            resaleCapPercent: "100",
            voucherOnly: false,
            reserved: false,
          },
        ],
      }),
      { decimals: 6 },
    );
    expect(tooFine.ok ? [] : tooFine.problems).toContain(
      "Tier 0: Face value: an amount like 0.05 (at most 6 decimals)",
    );
    const eth = parseEventForm(form());
    expect(eth.ok && eth.config.currency).toBe("0x0000000000000000000000000000000000000000");
  });

  it("refuses a currency that is not an address", () => {
    const result = parseEventForm(form({ currency: "usdc" }));
    expect(result.ok ? [] : result.problems).toContain("Currency: an ERC-20 token address, or empty for ETH");
  });

  it("refuses more than 8 tiers", () => {
    const tier = form().tiers[0]!;
    const result = parseEventForm(form({ tiers: Array.from({ length: 9 }, () => tier) }));
    expect(result.ok ? [] : result.problems).toContain("Tiers: at most 8");
  });
});
