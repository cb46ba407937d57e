import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromBase64Url, PassFormatError, toBase64Url } from "./bytes";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const canonical = (text: string) => Buffer.from(text, "base64url").toString("base64url") === text;

describe("base64url", () => {
  it("round-trips every length 0..199 and agrees with Node's encoder", () => {
    for (let len = 0; len < 200; len++) {
      const bytes = new Uint8Array(randomBytes(len));
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it("accepts a 2- or 3-character tail exactly when it is canonical (no stray trailing bits)", () => {
    let accepted = 0;
    const disagreements: string[] = [];
    for (const x of ALPHABET)
      for (const y of ALPHABET)
        for (const z of ["", ...ALPHABET]) {
          const text = `AAAA${x}${y}${z}`;
          let ok = true;
          try {
            fromBase64Url(text);
          } catch (err) {
            if (!(err instanceof PassFormatError)) throw err;
            ok = false;
          }
          if (ok !== canonical(text)) disagreements.push(text);
          if (ok) accepted++;
        }
    expect(disagreements).toEqual([]);
    // 64 × 4 two-character tails and 64 × 64 × 16 three-character tails are canonical.
    expect(accepted).toBe(64 * 4 + 64 * 64 * 16);
  });

  it("refuses impossible lengths, padding, the other alphabet, spaces and non-ASCII", () => {
    for (const bad of ["A", "AAAAA", "AA==", "AA=", "A+AA", "A/AA", "AA AA", "é", "AAA\u0100", "AAA\uD83D"]) {
      expect(() => fromBase64Url(bad), bad).toThrow(PassFormatError);
    }
  });
});
