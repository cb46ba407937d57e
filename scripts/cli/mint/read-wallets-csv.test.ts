import { describe, expect, it } from "vitest";
import { parseWalletsCsv } from "./read-wallets-csv";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const csv = (text: string) => parseWalletsCsv(Buffer.from(text), "list.csv");

describe("wallets CSV", () => {
  it("reads the wallet column, keeps order, reports duplicates and bad rows by line", () => {
    const list = csv(
      [
        "name,wallet",
        `ann,${A}`,
        `bob,${B.toLowerCase()}`,
        "",
        `ann again,${A.toLowerCase()}`,
        "eve,0x1234",
        `typo,${A.replace("C8", "c8")}`,
        "zero,0x0000000000000000000000000000000000000000",
        "none,",
      ].join("\n"),
    );
    expect(list.recipients).toEqual([
      { address: A, line: 2 },
      { address: B, line: 3 },
    ]);
    expect(list.duplicates).toEqual([{ line: 5, address: A, firstLine: 2 }]);
    expect(list.invalid.map((r) => [r.line, r.reason.split(" ")[0]])).toEqual([
      [6, "not"],
      [7, "bad"],
      [8, "the"],
      [9, "empty"],
    ]);
    expect(list.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads a bare column of addresses without a header", () => {
    const list = csv(`${A}\r\n${B}\r\n`);
    expect(list.recipients.map((r) => r.address)).toEqual([A, B]);
    expect(list.invalid).toEqual([]);
  });

  it("refuses a file with neither a wallet column nor one column", () => {
    expect(() => csv(`name,email\nann,a@x`)).toThrow(/no "wallet" or "address" column/);
    expect(() => csv("")).toThrow(/is empty/);
  });

  it("hashes the bytes so a changed list gets a new journal", () => {
    expect(csv(`${A}\n`).sha256).not.toBe(csv(`${A}\n${B}\n`).sha256);
  });
});
