/**
 * The pass decoder on random bytes and texts (seeded): it either decodes or throws the typed
 * PassFormatError, never anything else; and whatever it decodes re-encodes to the same text
 * (one text per pass). The pipeline-level fuzz (no ADMIT) is indexer/gate/pass/verify-pass.fuzz.test.ts.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random/seeded-random";
import { PassFormatError, toBase64Url } from "./bytes";
import { decodePass, encodePass, PASS_VERSION } from "./payload";

const RUNS = 10_000;

describe("decodePass on hostile input", () => {
  it(`${RUNS.toLocaleString("en")} random inputs: decoded (and canonical) or PassFormatError, nothing else`, () => {
    const random = seededRandom(0x9a55);
    const pick = (n: number) => Math.floor(random() * n);
    let decoded = 0;
    const codes = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      let text: string;
      const kind = i % 4;
      if (kind === 0) text = toBase64Url(Uint8Array.from({ length: pick(200) }, () => pick(256)));
      else if (kind === 1) {
        // Version 1 and a plausible length, so the varint and length checks are reached.
        const bytes = Uint8Array.from({ length: 90 + pick(30) }, () => pick(256));
        bytes[0] = PASS_VERSION;
        text = toBase64Url(bytes);
      } else if (kind === 2) text = String.fromCharCode(...Array.from({ length: pick(300) }, () => pick(0x3000)));
      else text = ["", "=", "====", "A", "AB", "A".repeat(257), "\u0000", "%", "-_", "+/", "AQ=="][pick(11)]!;
      try {
        const pass = decodePass(text);
        decoded++;
        expect(encodePass(pass, pass.signature), `#${i}`).toBe(text);
      } catch (err) {
        if (!(err instanceof PassFormatError))
          throw new Error(`#${i} ${JSON.stringify(text.slice(0, 80))}: ${String(err)}`);
        codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
      }
    }
    expect(codes.get("MALFORMED")).toBeGreaterThan(0);
    expect(codes.get("WRONG_VERSION")).toBeGreaterThan(0);
    expect(decoded).toBeGreaterThan(0);
  });

  it("refuses non-strings with the typed error", () => {
    for (const v of [undefined, null, 42, {}, [], new Uint8Array(3)])
      expect(() => decodePass(v as unknown as string)).toThrow(PassFormatError);
  });
});
