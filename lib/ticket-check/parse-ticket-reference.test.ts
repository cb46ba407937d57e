import { describe, expect, it } from "vitest";
import { encodePass } from "../pass/payload";
import { parseTicketReference, TicketReferenceError } from "./parse-ticket-reference";

const contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("parseTicketReference", () => {
  it("reads contract/id in the usual spellings, normalising the address", () => {
    for (const text of [
      `${contract}/7`,
      `${contract.toLowerCase()}:7`,
      `  ${contract} #7 `,
      `${contract} 7`,
      `${contract},7`,
    ]) {
      expect(parseTicketReference(text)).toEqual({ contract, tokenId: 7n, source: "id" });
    }
  });

  it("reads links that carry contract and id (app ticket and pass pages, listings)", () => {
    expect(parseTicketReference(`http://localhost:3000/tickets/${contract}/42`)).toMatchObject({
      tokenId: 42n,
      source: "link",
    });
    expect(parseTicketReference(`https://tickets.example/tickets/${contract}/42/pass?x=1`)).toMatchObject({
      tokenId: 42n,
      source: "link",
    });
    expect(() => parseTicketReference("https://tickets.example/events")).toThrow(/does not name a ticket/);
  });

  it("reads a scanned pass, with the chain it names", () => {
    const text = encodePass(
      { chainId: 31337, contract, tokenId: 9n, slot: 123, keyId: new Uint8Array(8) },
      new Uint8Array(64),
    );
    expect(parseTicketReference(text)).toEqual({ contract, tokenId: 9n, chainId: 31337, source: "pass" });
  });

  it("refuses everything else with a TicketReferenceError, never a crash", () => {
    const hostile = [
      "",
      "   ",
      "7",
      "0x1234/5",
      `${contract}/`,
      `${contract}/-1`,
      `${contract}/${"9".repeat(79)}`,
      `${contract}/${2n ** 256n}`,
      "'; DROP TABLE tickets; --",
      "A".repeat(60),
      "x".repeat(5_000),
      "🎟️🎟️",
      "javascript:alert(1)",
    ];
    for (const text of hostile)
      expect(() => parseTicketReference(text), text.slice(0, 40)).toThrow(TicketReferenceError);
  });
});
