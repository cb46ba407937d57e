import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SALE_BLOCKS, saleBlockName, saleBlockWords } from "./sale-block";

describe("SaleBlock words", () => {
  it("names the Solidity enum's values in its declaration order", () => {
    const source = readFileSync(join(import.meta.dirname, "../../contracts/interfaces/ITicketTypes.sol"), "utf8");
    const body = /enum SaleBlock \{([^}]*)\}/.exec(source)?.[1];
    expect(body).toBeDefined();
    const names = body!
      .split("\n")
      .map((line) =>
        line
          .replace(/\/\/.*$/, "")
          .trim()
          .replace(/,$/, ""),
      )
      .filter(Boolean);
    expect(names).toEqual([...SALE_BLOCKS]);
  });

  it("maps numbers and bigints to names, and keeps an unknown value visible", () => {
    expect(saleBlockName(2)).toBe("CheckedIn");
    expect(saleBlockName(7n)).toBe("NotRefundable");
    expect(saleBlockName(9)).toBe("SaleBlock(9)");
    expect(saleBlockName("Named")).toBe("Named");
    expect(saleBlockName("Named, or else")).toBe("SaleBlock(Named, or else)");
  });

  it("says every reason for both paths, naming the path", () => {
    for (let reason = 1; reason < SALE_BLOCKS.length; reason++) {
      expect(saleBlockWords(reason, "market")).not.toMatch(/sale rule refuses/);
      expect(saleBlockWords(reason, "waitlist")).not.toMatch(/sale rule refuses/);
    }
    expect(saleBlockWords(2, "market")).toBe("The ticket was used at the gate, so it cannot be sold.");
    expect(saleBlockWords(2, "waitlist")).toBe(
      "The ticket was used at the gate, so it cannot be returned to the waitlist.",
    );
    expect(saleBlockWords(6, "market")).toMatch(/real-name deadline .* passed/);
  });

  it("tells a complimentary ticket from a recovered one when the caller knows which", () => {
    expect(saleBlockWords(7, "market", { notRefundable: "complimentary" })).toBe(
      "Complimentary tickets can be passed on for free, not sold: list it at price 0 or send it.",
    );
    expect(saleBlockWords(7, "market", { notRefundable: "recovered" })).toMatch(
      /^A recovered ticket's refund right stayed with the wallet .* not sold/,
    );
    expect(saleBlockWords(7, "waitlist")).toMatch(
      /^Complimentary and recovered tickets carry no refund right, so they can be passed on for free, not returned to the waitlist/,
    );
  });
});
