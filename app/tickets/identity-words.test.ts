import { describe, expect, it } from "vitest";
import { identityWords } from "./identity-words";

const C = `0xab${"12".repeat(30)}cdef` as const;

describe("identityWords", () => {
  it("a bound ticket shows its fingerprint and what the gate, a transfer and recovery will do", () => {
    const w = identityWords({ identityCommitment: C, voucherOnly: true, transferable: true });
    expect(w.state).toBe("bound");
    expect(w.fingerprint).toBe(`${C.slice(0, 10)}…${C.slice(-8)}`);
    expect(w.notes.join(" ")).toMatch(/gate may ask/);
    expect(w.notes.join(" ")).toMatch(/stays bound/);
    expect(
      identityWords({ identityCommitment: C, voucherOnly: true, transferable: false }).notes.join(" "),
    ).not.toMatch(/stays bound/);
  });

  it("a zero commitment is unbound; a real-name tier says how tickets get named", () => {
    const zero = `0x${"0".repeat(64)}` as const;
    expect(identityWords({ identityCommitment: zero, voucherOnly: true, transferable: false }).state).toBe(
      "real-name-unbound",
    );
    expect(identityWords({ identityCommitment: null, voucherOnly: false, transferable: true })).toEqual({
      state: "not-required",
      summary: "Not required for this tier.",
      fingerprint: null,
      notes: [],
    });
  });
});
