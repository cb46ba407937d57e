import { describe, expect, it } from "vitest";
import { readOfflineState, saveOfflineState, type OfflineState } from "./offline-store";

function memoryStorage(limit = Infinity): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => {
      if (v.length > limit) throw new DOMException("quota", "QuotaExceededError");
      map.set(k, v);
    },
  };
}

const C = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const state: OfflineState = {
  pinnedKey: "key",
  signed: { payload: "{}", signature: "sig", publicKey: "key" },
  fetchedAt: 1,
  queue: [
    { tokenId: "7", holder: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", admittedAt: "2026-11-23T19:00:00.000Z" },
  ],
};

describe("offline store", () => {
  it("keeps the pinned key, snapshot and unreconciled admissions per event and gate", () => {
    const s = memoryStorage();
    expect(readOfflineState(s, C, "north-1")).toBeNull();
    expect(saveOfflineState(s, C, "north-1", state)).toBe(true);
    expect(readOfflineState(s, C.toLowerCase(), "north-1")).toEqual(state);
    expect(readOfflineState(s, C, "south-1")).toBeNull();
    // With the latest delta since the snapshot.
    const withDelta = { ...state, delta: { payload: "{}", signature: "sig2", publicKey: "key" } };
    saveOfflineState(s, C, "north-1", withDelta);
    expect(readOfflineState(s, C, "north-1")).toEqual(withDelta);
  });

  it("reads junk as nothing and reports a full storage instead of throwing", () => {
    const s = memoryStorage(10);
    expect(saveOfflineState(s, C, "g", state)).toBe(false);
    const t = memoryStorage();
    t.setItem(`fairgate.gate-offline.${C.toLowerCase()}.g`, "{oops");
    expect(readOfflineState(t, C, "g")).toBeNull();
  });
});
