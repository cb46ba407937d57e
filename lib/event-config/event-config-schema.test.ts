import { parseEther, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { MAX_ROYALTY_PERCENT } from "./event-config-schema";
import { parseEventConfig, whereInWords } from "./problems";

const NOW = BigInt(Date.UTC(2030, 0, 1) / 1000);
const base = {
  name: "Test Night",
  start: "2030-07-01T20:00:00Z",
  end: "2030-07-02T02:00:00Z",
  zones: ["general", "vip"],
  tiers: [{ name: "GA", price: "0.05", supply: 100, zones: ["general"] }],
};

/** The problems of an input, as "where: message" lines. */
function refused(input: unknown): string[] {
  const r = parseEventConfig(input, NOW);
  if (r.ok) throw new Error("expected the config to be refused");
  return r.problems.map((p) => `${p.where}: ${p.message}`);
}

describe("event config schema", () => {
  it("builds the createEventWithTiers structs, deriving the symbol from the name", () => {
    const r = parseEventConfig(base, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.args.config).toEqual({
      name: "Test Night",
      symbol: "TN",
      startTime: BigInt(Date.UTC(2030, 6, 1, 20) / 1000),
      endTime: BigInt(Date.UTC(2030, 6, 2, 2) / 1000),
      lockWindow: 0,
      maxPerWallet: 0,
      maxPerIdentity: 0,
      royaltyBps: 0,
      voucherSigner: zeroAddress,
      currency: zeroAddress,
    });
    expect(r.args.tiers).toEqual([
      {
        faceValue: parseEther("0.05"),
        supply: 100,
        zones: 1,
        mode: 1,
        resaleCapBps: 10_000,
        voucherOnly: false,
        reserved: false,
      },
    ]);
  });

  it("takes numbers as typed text, the way a form holds them", () => {
    const r = parseEventConfig(
      { ...base, symbol: "tn", royaltyPercent: "2.5", maxPerWallet: " 4 ", tiers: [{ ...base.tiers[0], supply: "7" }] },
      NOW,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.args.config).toMatchObject({ symbol: "TN", royaltyBps: 250, maxPerWallet: 4 });
    expect(r.args.tiers[0]!.supply).toBe(7);
  });

  it("refuses a start in the past and an end before the start", () => {
    expect(refused({ ...base, start: "2029-12-31T23:00:00Z" })).toContain("Starts: is in the past; pick a later time");
    expect(refused({ ...base, end: "2030-07-01T19:00:00Z" })).toEqual(["Ends: must be after the start"]);
    expect(refused({ ...base, end: base.start })).toEqual(["Ends: must be after the start"]);
  });

  it(`refuses a royalty above ${MAX_ROYALTY_PERCENT} % (the contract would take up to 100 %)`, () => {
    expect(refused({ ...base, royaltyPercent: 100 })).toEqual([
      `Resale royalty: must be at most ${MAX_ROYALTY_PERCENT} %`,
    ]);
    expect(refused({ ...base, royaltyPercent: 25.01 })).toEqual(["Resale royalty: must be at most 25 %"]);
    expect(refused({ ...base, royaltyPercent: -1 })).toEqual(["Resale royalty: cannot be negative"]);
    expect(refused({ ...base, royaltyPercent: 2.555 })).toEqual(["Resale royalty: has more than two decimals"]);
    expect(parseEventConfig({ ...base, royaltyPercent: 25 }, NOW).ok).toBe(true);
  });

  it("refuses sale windows that do not fit: a transfer lock or a real-name deadline already past", () => {
    const start = Number(NOW) + 3600;
    const soon = { ...base, start, end: start + 3600 };
    expect(refused({ ...soon, lockWindow: "2h" })).toEqual([
      "Transfer lock: begins before now, so transfers and resales would be closed from the moment of creation",
    ]);
    expect(parseEventConfig({ ...soon, lockWindow: "30m" }, NOW).ok).toBe(true);
    expect(refused({ ...soon, tiers: [{ ...base.tiers[0], identityDeadline: "2h" }] })).toEqual([
      "Tier 0 real-name deadline: is already past: holders would have no time to name themselves",
    ]);
  });

  it("refuses a resale cap under face value where tickets can be resold, and allows it where the cap means nothing", () => {
    const tier = { ...base.tiers[0], resaleCapPercent: 90 };
    expect(refused({ ...base, tiers: [tier] })).toEqual([
      "Tier 0 resale cap: is below 100 %: a fan who resells would get back less than face value (lock the tier to stop resale)",
    ]);
    expect(parseEventConfig({ ...base, tiers: [{ ...tier, transfer: "locked" }] }, NOW).ok).toBe(true);
    expect(parseEventConfig({ ...base, tiers: [{ ...tier, price: 0 }] }, NOW).ok).toBe(true);
    expect(refused({ ...base, tiers: [{ ...tier, resaleCapPercent: 700 }] })).toEqual([
      "Tier 0 resale cap: must be at most 655 %",
    ]);
  });

  it("refuses bad fields, each with its place in words", () => {
    const found = refused({
      ...base,
      name: " ",
      symbol: "no-dash",
      maxPerWallet: "four",
      tiers: [
        { name: "GA", price: "-1", supply: 0, zones: [], transfer: "anything" },
        { name: "VIP", price: "1", supply: 10, zones: ["general"], reserved: true, voucherOnly: true },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "Name: is required",
        "Ticker symbol: must be 1–11 letters or digits",
        "Tickets per wallet: must be a whole number",
        'Tier 0 price: must be an amount as text, like "0.05"',
        "Tier 0 supply: must be at least 1",
        "Tier 0 zones: must name at least one zone",
        'Tier 0 transfers: must be "free", "market-only" or "locked"',
        "Tier 1 reserved seating: reserved seating cannot be voucher only (seats are bought by number)",
      ]),
    );
  });

  it("refuses cross-field mistakes: zones, tier names, prices finer than the currency, tier count", () => {
    const usd = { token: "0x5FbDB2315678afecb367f032d93F642f64180aa3", decimals: 6 };
    expect(
      refused({
        ...base,
        zones: ["general", "general"],
        currency: usd,
        tiers: [
          { ...base.tiers[0], price: "0.0000001" },
          { ...base.tiers[0], zones: ["balcony"] },
        ],
      }),
    ).toEqual([
      "Zones: names a zone twice",
      "Tier 0 price: has more decimals than the currency (6)",
      'Tier 1 name: "GA" is used by an earlier tier',
      'Tier 1 zones: "balcony" is not in the event\'s zones (general, general)',
    ]);
    expect(
      refused({ ...base, tiers: Array.from({ length: 9 }, (_, i) => ({ ...base.tiers[0], name: `T${i}` })) }),
    ).toEqual(["Tiers: allows at most 8 tiers"]);
    expect(refused({ ...base, tiers: [{ ...base.tiers[0], price: "79228162514.264337593543950336" }] })).toEqual([
      "Tier 0 price: is too large",
    ]);
  });

  it("refuses dates without a zone, unknown keys and bad channels", () => {
    expect(refused({ ...base, start: "2030-07-01 20:00" })).toEqual([
      "Starts: must be a date and time with its zone, like 2030-07-01T20:00:00Z, or unix seconds",
    ]);
    expect(refused({ ...base, colour: "red" })[0]).toMatch(/^Event: .*colour/);
    expect(
      refused({
        ...base,
        channels: [
          { channel: "public", quota: 10, transfer: "locked" },
          { channel: "a", quota: 1 },
          { channel: "a", quota: 1 },
        ],
      }),
    ).toEqual([
      'Channel 3 name: "a" is listed twice',
      "Channel 1 transfers: the public channel follows its tiers' transfer rule (leave it free)",
    ]);
  });

  it("says where in words", () => {
    expect(whereInWords(["tiers", 2, "resaleCapPercent"])).toBe("Tier 2 resale cap");
    expect(whereInWords(["currency", "token"])).toBe("Currency token");
    expect(whereInWords([])).toBe("Event");
  });
});
