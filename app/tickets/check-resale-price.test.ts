import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { checkResalePrice } from "./check-resale-price";

const cap = parseEther("0.15");

describe("checkResalePrice", () => {
  it("accepts prices up to and including the cap", () => {
    expect(checkResalePrice("0.1", cap)).toEqual({ ok: true, wei: parseEther("0.1") });
    expect(checkResalePrice(" 0.15 ", cap)).toEqual({ ok: true, wei: cap });
    expect(checkResalePrice("0", cap)).toEqual({ ok: true, wei: 0n });
  });
  it("refuses one wei above the cap with words naming both", () => {
    const result = checkResalePrice("0.150000000000000001", cap);
    expect(result).toEqual({
      ok: false,
      code: "PRICE_ABOVE_CAP",
      message: "The price 0.150000000000000001 ETH is above this ticket's resale cap of 0.15 ETH.",
    });
  });
  it("reads a stablecoin price with the token's decimals", () => {
    const usd = { symbol: "mUSD", decimals: 6 };
    expect(checkResalePrice("25.5", 30_000_000n, usd)).toEqual({ ok: true, wei: 25_500_000n });
    expect(checkResalePrice("30.000001", 30_000_000n, usd)).toMatchObject({
      ok: false,
      code: "PRICE_ABOVE_CAP",
      message: "The price 30.000001 mUSD is above this ticket's resale cap of 30 mUSD.",
    });
    expect(checkResalePrice("1.0000001", 30_000_000n, usd)).toMatchObject({ ok: false, code: "PRICE_INVALID" });
  });
  it("refuses a typed 0 for a ticket with a face value: giving it away is a separate choice", () => {
    expect(checkResalePrice("0", cap, undefined, parseEther("0.05"))).toEqual({
      ok: false,
      code: "PRICE_ZERO_NOT_CHOSEN",
      message: 'A price of 0 gives this 0.05 ETH ticket away. To do that, choose "Give it away for free".',
    });
    expect(checkResalePrice("0.000", cap, undefined, parseEther("0.05"))).toMatchObject({
      code: "PRICE_ZERO_NOT_CHOSEN",
    });
    expect(checkResalePrice("0", cap, undefined, 0n)).toEqual({ ok: true, wei: 0n });
  });
  it("refuses text that is not a price", () => {
    for (const bad of ["", "-1", "1e3", "0.1.2", "abc", "0.0000000000000000001"]) {
      expect(checkResalePrice(bad, cap)).toMatchObject({ ok: false, code: "PRICE_INVALID" });
    }
  });
});
