import { describe, expect, it } from "vitest";
import { readEntry, saveEntry } from "./entry-store";

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

const voucher = {
  chainId: 31337,
  contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const,
  voucher: {
    to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const,
    tier: 0,
    quantity: 2,
    identityCommitment: `0x${"ab".repeat(32)}` as const,
    nonce: `0x${"01".repeat(32)}` as const,
    deadline: 1_900_000_000,
  },
  signature: `0x${"cd".repeat(65)}` as const,
  price: "100000000000000000",
};

describe("entry store", () => {
  it("keeps the queue token and then the voucher per sale", () => {
    const s = memoryStorage();
    expect(readEntry(s, "a")).toBeNull();
    saveEntry(s, "a", { token: "tok", voucher: null });
    expect(readEntry(s, "a")).toEqual({ token: "tok", voucher: null });
    expect(readEntry(s, "b")).toBeNull();
    saveEntry(s, "a", { token: "tok", voucher });
    expect(readEntry(s, "a")).toEqual({ token: "tok", voucher });
    saveEntry(s, "a", null);
    expect(readEntry(s, "a")).toBeNull();
  });

  it("ignores junk or tampered entries instead of crashing", () => {
    const s = memoryStorage();
    s.setItem("fairgate.onsale.x", "{not json");
    expect(readEntry(s, "x")).toBeNull();
    s.setItem("fairgate.onsale.x", JSON.stringify({ token: "t", voucher: { ...voucher, price: "-1" } }));
    expect(readEntry(s, "x")).toBeNull();
  });
});
