import { describe, expect, it } from "vitest";
import { batches, parseWalletList } from "./parse-wallet-list";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("parseWalletList", () => {
  it("reads a header, addresses in the first column, and reports bad lines and duplicates by line", () => {
    const csv = [
      "wallet,name",
      `${A},Ann`,
      "",
      `${B.toLowerCase()},Bob`,
      "0x1234,Short",
      `${A.toLowerCase()},Ann again`,
      "0x70997970c51812dc3a010c7d01b50e0d17dc79C8,bad checksum",
    ].join("\n");
    const result = parseWalletList(csv);
    expect(result.wallets).toEqual([A, B]);
    expect(result.problems).toEqual([
      { line: 5, text: "0x1234", reason: "BAD_ADDRESS" },
      { line: 6, text: A.toLowerCase(), reason: "DUPLICATE", firstLine: 2 },
      { line: 7, text: "0x70997970c51812dc3a010c7d01b50e0d17dc79C8", reason: "BAD_ADDRESS" },
    ]);
    expect(result.ignored).toBe(2);
  });

  it("accepts a bare pasted list without a header, with Windows line ends and quotes", () => {
    expect(parseWalletList(`"${A}"\r\n${B}\r\n`).wallets).toEqual([A, B]);
  });

  it("reports a broken CSV as a WalletListError, not a crash", () => {
    expect(() => parseWalletList('"unterminated')).toThrow(/could not be read/);
  });
});

describe("batches", () => {
  it("splits into transactions of at most n", () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 3)).toEqual([]);
  });
});
