import { describe, expect, it } from "vitest";
import { MAX_PER_PURCHASE, parseQuantity, quantityLimit } from "./quantity";

describe("quantityLimit", () => {
  it("is what is left when there is no wallet cap", () => {
    expect(quantityLimit({ left: 7, maxPerWallet: 0 })).toEqual({ max: 7, because: "7 left" });
    expect(quantityLimit({ left: 0, maxPerWallet: 0 })).toEqual({ max: 0, because: "0 left" });
  });
  it("is never more than one purchase may mint", () => {
    expect(quantityLimit({ left: 10_000, maxPerWallet: 0 })).toEqual({
      max: MAX_PER_PURCHASE,
      because: `at most ${MAX_PER_PURCHASE} per purchase`,
    });
  });
  it("counts the wallet's tickets against the cap: the more of held and ever bought", () => {
    expect(quantityLimit({ left: 500, maxPerWallet: 4 })).toEqual({ max: 4, because: "at most 4 per wallet" });
    expect(quantityLimit({ left: 500, maxPerWallet: 4, held: 1, bought: 1 })).toEqual({
      max: 3,
      because: "at most 4 per wallet; you have 1",
    });
    // Sold one on: it still counts as bought.
    expect(quantityLimit({ left: 500, maxPerWallet: 4, held: 0, bought: 4 })).toMatchObject({ max: 0 });
  });
  it("says what is left when that is the tighter bound", () => {
    expect(quantityLimit({ left: 2, maxPerWallet: 4, held: 1 })).toEqual({ max: 2, because: "2 left" });
  });
});

describe("parseQuantity", () => {
  const limit = { max: 3, because: "at most 4 per wallet; you have 1" };
  it("accepts a whole number from 1 to the limit", () => {
    expect(parseQuantity("1", limit)).toEqual({ ok: true, quantity: 1 });
    expect(parseQuantity(" 3 ", limit)).toEqual({ ok: true, quantity: 3 });
  });
  it("refuses 0 instead of buying 1", () => {
    expect(parseQuantity("0", limit)).toEqual({
      ok: false,
      code: "QUANTITY_ZERO",
      message: "Choose at least 1 ticket.",
    });
    expect(parseQuantity("00", limit)).toMatchObject({ code: "QUANTITY_ZERO" });
  });
  it("refuses a slipped digit above the limit, naming the limit", () => {
    expect(parseQuantity("13", limit)).toEqual({
      ok: false,
      code: "QUANTITY_ABOVE_LIMIT",
      message: "You can buy at most 3 (at most 4 per wallet; you have 1).",
    });
    expect(parseQuantity("1", { max: 0, because: "0 left" })).toMatchObject({
      message: "You cannot buy more of these (0 left).",
    });
  });
  it("refuses text that is not a whole number", () => {
    for (const bad of ["", "-1", "1.5", "1e2", "abc", "٣", "9999999"])
      expect(parseQuantity(bad, limit), bad).toMatchObject({ ok: false, code: "QUANTITY_INVALID" });
  });
});
