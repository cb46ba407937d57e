import { describe, expect, it } from "vitest";
import { formatPrice, isNative, NATIVE_CURRENCY, parsePrice, PriceFormatError } from "./currency";

const USD = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", symbol: "mUSD", decimals: 6 } as const;

describe("formatPrice", () => {
  it("formats native amounts as ETH and token amounts with their decimals and symbol", () => {
    expect(formatPrice(150_000_000_000_000_000n)).toBe("0.15 ETH");
    expect(formatPrice(25_500_000n, USD)).toBe("25.5 mUSD");
    expect(formatPrice(1n, USD)).toBe("0.000001 mUSD");
    expect(formatPrice(0n, USD)).toBe("0 mUSD");
  });
});

describe("parsePrice", () => {
  it("parses with the currency's decimals and refuses finer amounts with a typed error", () => {
    expect(parsePrice("25.5", USD)).toBe(25_500_000n);
    expect(parsePrice("0.05")).toBe(50_000_000_000_000_000n);
    expect(() => parsePrice("0.0000001", USD)).toThrow(PriceFormatError);
    expect(() => parsePrice("abc", USD)).toThrow(/not a price/);
  });
});

describe("isNative", () => {
  it("is true only for the zero address", () => {
    expect(isNative(NATIVE_CURRENCY)).toBe(true);
    expect(isNative(USD)).toBe(false);
  });
});
