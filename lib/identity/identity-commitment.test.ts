import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { identityCommitment, matchesCommitment, normalizeIdNumber } from "./identity-commitment";

describe("identity commitment", () => {
  it("is HMAC-SHA256 of the normalised ID", () => {
    expect(normalizeIdNumber(" ab 123-45.6/7 ")).toBe("AB1234567");
    expect(normalizeIdNumber("ＡＢ１２")).toBe("AB12"); // full-width digits from a phone keyboard
    const expected = `0x${createHmac("sha256", "pepper-pepper-pepper").update("AB1234567").digest("hex")}`;
    expect(identityCommitment("pepper-pepper-pepper", "ab-1234567")).toBe(expected);
  });

  it("matches only the same ID under the same pepper", () => {
    const c = identityCommitment("pepper-one-000000", "X1234567");
    expect(matchesCommitment("pepper-one-000000", "x 1234567", c)).toBe(true);
    expect(matchesCommitment("pepper-one-000000", "X1234568", c)).toBe(false);
    expect(matchesCommitment("pepper-two-000000", "X1234567", c)).toBe(false);
  });
});
