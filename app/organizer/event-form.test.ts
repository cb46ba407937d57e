import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { parseEventSpec } from "../../scripts/cli/spec/load-event-spec";
import { toContractArgs } from "../../lib/event-config/contract-args";
import { defaultEventForm, parseEventForm, type EventForm, type TierForm } from "./event-form";

const NOW = new Date("2030-01-01T12:00:00Z");
const tier = (over: Partial<TierForm> = {}): TierForm => ({
  faceValueEth: "0.05",
  supply: "100",
  zones: 1,
  mode: 1,
  resaleCapPercent: "110",
  voucherOnly: false,
  reserved: false,
  ...over,
});
const form = (over: Partial<EventForm> = {}): EventForm => ({
  ...defaultEventForm(NOW),
  name: "Summer Gig",
  start: "2030-06-01T20:00",
  end: "2030-06-01T23:00",
  ...over,
});
const problems = (f: EventForm, decimals = 18) => {
  const r = parseEventForm(f, { decimals }, NOW);
  return r.ok ? [] : r.problems.map((p) => `${p.where}: ${p.message}`);
};

describe("parseEventForm", () => {
  it("builds the contract structs, the symbol derived from the name", () => {
    const result = parseEventForm(
      form({ tiers: [tier({ zones: 3 })], royaltyPercent: "2.5", lockWindowHours: "2" }),
      undefined,
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.args.config).toMatchObject({
      name: "Summer Gig",
      symbol: "SG",
      lockWindow: 7200,
      maxPerWallet: 4,
      royaltyBps: 250,
    });
    expect(result.args.config.endTime - result.args.config.startTime).toBe(3n * 3600n);
    expect(result.args.tiers).toEqual([
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

  it("gives the same contract arguments as the CLI spec for the same event", () => {
    const start = new Date("2030-06-01T20:00:00Z");
    const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const fromForm = parseEventForm(
      form({
        name: "Same Night",
        symbol: "SAME",
        start: local(start),
        end: local(new Date(start.getTime() + 6 * 3600_000)),
        lockWindowHours: "2",
        maxPerWallet: "4",
        royaltyPercent: "5",
        tiers: [tier({ zones: 1, mode: 1 }), tier({ faceValueEth: "0", zones: 7, mode: 2, resaleCapPercent: "100" })],
      }),
      undefined,
      NOW,
    );
    const spec = parseEventSpec(
      [
        'name: "Same Night"',
        "symbol: SAME",
        "start: 2030-06-01T20:00:00Z",
        "end: 2030-06-02T02:00:00Z",
        "lockWindow: 2h",
        "maxPerWallet: 4",
        "royaltyPercent: 5",
        "zones: [General, VIP, Backstage]",
        "tiers:",
        '  - { price: "0.05", supply: 100, zones: [General], transfer: market-only, resaleCapPercent: 110 }',
        "  - { price: 0, supply: 100, zones: [General, VIP, Backstage], transfer: locked }",
      ].join("\n"),
      "same.yaml",
      BigInt(NOW.getTime() / 1000),
    );
    if (!fromForm.ok) throw new Error(JSON.stringify(fromForm.problems));
    const fromCli = toContractArgs(spec);
    expect(fromForm.args.config).toEqual(fromCli.config);
    expect(fromForm.args.tiers).toEqual(fromCli.tiers);
  });

  it("passes a reserved-seating tier through and refuses one that is also voucher only", () => {
    const ok = parseEventForm(form({ tiers: [tier({ reserved: true })] }), undefined, NOW);
    expect(ok.ok && ok.args.tiers[0]?.reserved).toBe(true);
    expect(problems(form({ tiers: [tier({ reserved: true, voucherOnly: true })] }))).toEqual([
      "Tier 0 reserved seating: reserved seating cannot be voucher only (seats are bought by number)",
    ]);
  });

  it("lists every problem in words, named as the form labels its fields", () => {
    expect(
      problems(
        form({
          name: " ",
          lockWindowHours: "soon",
          tiers: [tier({ faceValueEth: "-1", supply: "0", zones: 0, resaleCapPercent: "x" })],
        }),
      ),
    ).toEqual([
      "Name: is required",
      'Transfer lock: must be a duration: seconds, or like "30m", "2h", "1d"',
      'Tier 0 price: must be an amount as text, like "0.05"',
      "Tier 0 supply: must be at least 1",
      "Tier 0 zones: must name at least one zone",
      "Tier 0 resale cap: must be a percentage, like 5 or 12.5",
    ]);
    expect(problems(form({ start: "" }))).toEqual([
      "Starts: must be a date and time with its zone, like 2030-07-01T20:00:00Z, or unix seconds",
    ]);
  });

  it("refuses a start in the past, an end before the start and a 100 % royalty", () => {
    expect(problems(form({ start: "2029-12-01T20:00" }))).toContain("Starts: is in the past; pick a later time");
    expect(problems(form({ end: "2030-06-01T19:00" }))).toEqual(["Ends: must be after the start"]);
    expect(problems(form({ royaltyPercent: "100" }))).toEqual(["Resale royalty: must be at most 25 %"]);
  });

  it("prices a token event with the token's decimals and records its address", () => {
    const usd = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const result = parseEventForm(
      form({ currency: usd, tiers: [tier({ faceValueEth: "25.5" })] }),
      { decimals: 6 },
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.args.config.currency).toBe(usd);
    expect(result.args.tiers[0]!.faceValue).toBe(25_500_000n);
    expect(problems(form({ currency: usd, tiers: [tier({ faceValueEth: "0.0000001" })] }), 6)).toEqual([
      "Tier 0 price: has more decimals than the currency (6)",
    ]);
    const eth = parseEventForm(form(), undefined, NOW);
    expect(eth.ok && eth.args.config.currency).toBe("0x0000000000000000000000000000000000000000");
    expect(problems(form({ currency: "usdc" }))).toEqual(["Currency token: must be an address (0x and 40 hex digits)"]);
  });

  it("refuses more than 8 tiers", () => {
    expect(problems(form({ tiers: Array.from({ length: 9 }, () => tier()) }))).toEqual([
      "Tiers: allows at most 8 tiers",
    ]);
  });
});
