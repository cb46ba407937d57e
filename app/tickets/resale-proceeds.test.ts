import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { resaleProceeds } from "./resale-proceeds";

describe("resaleProceeds", () => {
  it("takes the royalty off the price and gives the seller the rest", () => {
    expect(resaleProceeds(parseEther("0.06"), 500)).toEqual({
      royalty: parseEther("0.003"),
      seller: parseEther("0.057"),
    });
  });
  it("rounds the royalty down, as EventTicket.royaltyInfo does", () => {
    expect(resaleProceeds(199n, 500)).toEqual({ royalty: 9n, seller: 190n });
  });
  it("pays all to the seller without a royalty, and nothing on a free hand-over", () => {
    expect(resaleProceeds(100n, 0)).toEqual({ royalty: 0n, seller: 100n });
    expect(resaleProceeds(0n, 500)).toEqual({ royalty: 0n, seller: 0n });
  });
  it("refuses a negative price", () => {
    expect(() => resaleProceeds(-1n, 500)).toThrow(RangeError);
  });
});
