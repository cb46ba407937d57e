import { describe, expect, it } from "vitest";
import { readDelegation, saveDelegation } from "./delegation-store";

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}
const C = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("delegation store", () => {
  it("returns the delegation for the same key until it expires", () => {
    const storage = memoryStorage();
    saveDelegation(storage, {
      chainId: 31337,
      contract: C,
      holder: "0xabc",
      publicKey: "PK",
      expiresAt: "2030-01-01T00:00:00Z",
    });
    expect(readDelegation(storage, 31337, C.toLowerCase(), "PK", Date.parse("2029-12-31T23:59:59Z"))?.holder).toBe(
      "0xabc",
    );
    expect(readDelegation(storage, 31337, C, "PK", Date.parse("2030-01-01T00:00:00Z"))).toBeNull();
    expect(readDelegation(storage, 31337, C, "OTHER", 0)).toBeNull();
    expect(readDelegation(storage, 1, C, "PK", 0)).toBeNull();
  });
  it("ignores junk", () => {
    const storage = memoryStorage();
    storage.setItem(`fairgate.pass-delegation.31337.${C.toLowerCase()}`, "{not json");
    expect(readDelegation(storage, 31337, C, "PK", 0)).toBeNull();
  });
});
