import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseEther, zeroAddress } from "viem";
import { toContractArgs } from "../../../lib/event-config/contract-args";
import { InputError } from "../errors";
import { loadEventSpec, parseEventSpec } from "./load-event-spec";

const base = {
  name: "Test Night",
  symbol: "TN",
  start: "2030-07-01T20:00:00Z",
  end: "2030-07-02T02:00:00Z",
  zones: ["general", "vip"],
  tiers: [{ name: "GA", price: "0.05", supply: 100, zones: ["general"] }],
};

function problems(spec: unknown, name = "spec.json"): string[] {
  try {
    parseEventSpec(JSON.stringify(spec), name);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).details ?? [(e as Error).message];
  }
  throw new Error("expected the spec to be refused");
}

describe("event spec", () => {
  it("turns the example YAML into contract arguments", async () => {
    const spec = await loadEventSpec(join(import.meta.dirname, "..", "examples", "event.yaml"));
    const args = toContractArgs(spec);
    expect(args.config).toEqual({
      name: "Fairgate Live: Summer Night",
      symbol: "FGSUM",
      startTime: BigInt(Date.UTC(2030, 6, 1, 20) / 1000),
      endTime: BigInt(Date.UTC(2030, 6, 2, 2) / 1000),
      lockWindow: 7200,
      maxPerWallet: 4,
      maxPerIdentity: 0,
      royaltyBps: 500,
      voucherSigner: zeroAddress,
      currency: zeroAddress,
    });
    expect(args.tiers).toEqual([
      {
        faceValue: parseEther("0.05"),
        supply: 500,
        zones: 0b001,
        mode: 1,
        resaleCapBps: 11_000,
        voucherOnly: false,
        reserved: false,
      },
      {
        faceValue: parseEther("0.2"),
        supply: 50,
        zones: 0b011,
        mode: 1,
        resaleCapBps: 10_000,
        voucherOnly: false,
        reserved: false,
      },
      { faceValue: 0n, supply: 20, zones: 0b111, mode: 2, resaleCapBps: 10_000, voucherOnly: false, reserved: false },
    ]);
  });

  it("prices a stablecoin event with the token's decimals and refuses finer prices", () => {
    const usd = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const spec = parseEventSpec(
      JSON.stringify({
        ...base,
        currency: { token: usd, decimals: 6, symbol: "mUSD" },
        tiers: [{ ...base.tiers[0], price: "25.5" }],
      }),
      "e.json",
    );
    const args = toContractArgs(spec);
    expect(args.config.currency).toBe(usd);
    expect(args.tiers[0]!.faceValue).toBe(25_500_000n);
    expect(
      problems({ ...base, currency: { token: usd, decimals: 6 }, tiers: [{ ...base.tiers[0], price: "0.0000001" }] }),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^tiers\[0\]\.price: has more decimals than the currency \(6\)/)]),
    );
  });

  it("accepts JSON with unix-second dates and applies defaults", () => {
    const spec = parseEventSpec(JSON.stringify({ ...base, start: 1_900_000_000, end: 1_900_003_600 }), "e.json");
    const args = toContractArgs(spec);
    expect(args.config.startTime).toBe(1_900_000_000n);
    expect(args.config.lockWindow).toBe(0);
    expect(args.tiers[0]).toMatchObject({ mode: 1, resaleCapBps: 10_000, zones: 1 });
  });

  it("points at every bad field by path", () => {
    const found = problems({
      ...base,
      symbol: "low-er",
      end: "2030-07-01T19:00:00Z",
      royaltyPercent: 150,
      tiers: [
        { name: "GA", price: 0.05, supply: 0, zones: ["general"], transfer: "anything" },
        { name: "GA", price: "1", supply: 10, zones: ["balcony"] },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^symbol: /),
        expect.stringMatching(/^royaltyPercent: must be at most 25 %/),
        expect.stringMatching(/^tiers\[0\]\.price: /),
        expect.stringMatching(/^tiers\[0\]\.supply: /),
        expect.stringMatching(/^tiers\[0\]\.transfer: must be "free", "market-only" or "locked"/),
      ]),
    );
    // Cross-field checks run once the fields themselves are valid.
    const cross = problems({
      ...base,
      end: "2030-07-01T19:00:00Z",
      tiers: [base.tiers[0], { ...base.tiers[0], zones: ["balcony"] }],
    });
    expect(cross).toEqual(
      expect.arrayContaining([
        "end: must be after the start",
        'tiers[1].name: "GA" is used by an earlier tier',
        'tiers[1].zones[0]: "balcony" is not in the event\'s zones (general, vip)',
      ]),
    );
  });

  it("refuses unknown keys, missing fields, too many tiers, dates without a zone", () => {
    expect(problems({ ...base, colour: "red" })).toEqual([expect.stringMatching(/^\(top level\): .*colour/)]);
    expect(problems({ ...base, name: undefined })).toEqual([expect.stringMatching(/^name: /)]);
    expect(
      problems({ ...base, tiers: Array.from({ length: 9 }, (_, i) => ({ ...base.tiers[0], name: `T${i}` })) }),
    ).toEqual(["tiers: allows at most 8 tiers"]);
    expect(problems({ ...base, start: "2030-07-01 20:00" })[0]).toMatch(
      /^start: must be a date and time with its zone/,
    );
  });

  it("reports unparsable files as such", () => {
    expect(() => parseEventSpec("{ not json", "x.json")).toThrow(/x.json is not valid JSON/);
    expect(() => parseEventSpec("name: [unclosed", "x.yaml")).toThrow(/x.yaml is not valid YAML/);
  });
});
