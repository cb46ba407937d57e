import { createPublicKey, verify } from "node:crypto";
import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { PassFormatError, fromBase64Url, toBase64Url } from "./bytes";
import { createDeviceKey, exportDevicePublicKey, keyIdOf, signPass } from "./device-key";
import { P256_N, flipS, isLowS, rawPublicKeyToSpki } from "./p256";
import { MAX_PASS_TEXT, decodePass, encodePass, passSigningBytes, type PassFields } from "./payload";

const contract = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");

async function device() {
  const keys = await createDeviceKey();
  const publicKey = await exportDevicePublicKey(keys.publicKey);
  const nodeKey = createPublicKey({
    key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(publicKey))),
    format: "der",
    type: "spki",
  });
  return { keys, publicKey, keyId: await keyIdOf(publicKey), nodeKey };
}

describe("pass payload", () => {
  it("round-trips every field and stays within 120 bytes for realistic ids", async () => {
    const d = await device();
    const fields: PassFields = { chainId: 31337, contract, tokenId: 12_345n, slot: 177_000_000, keyId: d.keyId };
    const text = await signPass(d.keys.privateKey, fields);
    const bytes = fromBase64Url(text);
    expect(bytes.length).toBeLessThanOrEqual(120);
    const pass = decodePass(text);
    expect(pass).toMatchObject({ version: 1, chainId: 31337, contract, tokenId: 12_345n, slot: 177_000_000 });
    expect([...pass.keyId]).toEqual([...d.keyId]);
    expect(pass.signedBytes).toEqual(passSigningBytes(fields));
  });

  it("is verified by node:crypto with the SPKI form of the WebCrypto public key", async () => {
    const d = await device();
    const text = await signPass(d.keys.privateKey, { chainId: 1, contract, tokenId: 1n, slot: 5, keyId: d.keyId });
    const pass = decodePass(text);
    expect(verify("sha256", pass.signedBytes, { key: d.nodeKey, dsaEncoding: "ieee-p1363" }, pass.signature)).toBe(
      true,
    );
    expect(isLowS(pass.signature)).toBe(true);
    // Its malleated twin still verifies mathematically: the gate must refuse it by the low-s rule.
    const twin = flipS(pass.signature);
    expect(verify("sha256", pass.signedBytes, { key: d.nodeKey, dsaEncoding: "ieee-p1363" }, twin)).toBe(true);
    expect(isLowS(twin)).toBe(false);
  });

  it("isLowS matches 0 < s <= n/2 at the edges and on random values", () => {
    const sig = (sv: bigint) => {
      const out = new Uint8Array(64).fill(7);
      for (let i = 63; i >= 32; i--, sv >>= 8n) out[i] = Number(sv & 0xffn);
      return out;
    };
    const half = P256_N >> 1n;
    const edges: [bigint, boolean][] = [
      [0n, false],
      [1n, true],
      [half - 1n, true],
      [half, true],
      [half + 1n, false],
      [P256_N - 1n, false],
      [2n ** 256n - 1n, false],
      [2n ** 248n, true],
      [half ^ 1n, (half ^ 1n) <= half],
    ];
    for (const [sv, low] of edges) expect([sv, isLowS(sig(sv))]).toEqual([sv, low]);
    for (let k = 0; k < 2_000; k++) {
      const sv =
        BigInt(`0x${Buffer.from(new Uint8Array(32).map(() => (Math.random() * 256) | 0)).toString("hex")}`) >>
        BigInt(k % 3);
      expect([sv, isLowS(sig(sv))]).toEqual([sv, sv !== 0n && sv <= half]);
    }
    expect(isLowS(new Uint8Array(63))).toBe(false);
  });

  it("normalises every signature to low s", async () => {
    const d = await device();
    for (let slot = 0; slot < 20; slot++) {
      const pass = decodePass(
        await signPass(d.keys.privateKey, { chainId: 1, contract, tokenId: 1n, slot, keyId: d.keyId }),
      );
      expect(isLowS(pass.signature)).toBe(true);
    }
  });

  it("encodes the largest uint256 token id", async () => {
    const fields = {
      chainId: 0xffffffff,
      contract,
      tokenId: 2n ** 256n - 1n,
      slot: 0xffffffff,
      keyId: new Uint8Array(8),
    };
    const pass = decodePass(encodePass(fields, new Uint8Array(64).fill(1)));
    expect(pass).toMatchObject({ chainId: 0xffffffff, tokenId: 2n ** 256n - 1n, slot: 0xffffffff });
  });

  it("names the version problem apart from other garbage", () => {
    const good = fromBase64Url(
      encodePass({ chainId: 1, contract, tokenId: 1n, slot: 1, keyId: new Uint8Array(8) }, new Uint8Array(64)),
    );
    const v2 = good.slice();
    v2[0] = 2;
    expect(() => decodePass(toBase64Url(v2))).toThrow(expect.objectContaining({ code: "WRONG_VERSION" }));
    const bad = [
      "",
      "!!!!",
      "A",
      "AA==",
      "x".repeat(MAX_PASS_TEXT + 1),
      toBase64Url(good.subarray(0, good.length - 1)), // truncated signature
      toBase64Url(new Uint8Array([...good, 0])), // trailing byte
      toBase64Url(new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])), // over-long varint
      toBase64Url(new Uint8Array([1, 0x81, 0x00])), // non-minimal varint
      toBase64Url(new Uint8Array([1, 0])), // chain id 0
    ];
    for (const text of bad) {
      expect(() => decodePass(text), JSON.stringify(text)).toThrow(PassFormatError);
      try {
        decodePass(text);
      } catch (err) {
        expect((err as PassFormatError).code).toBe("MALFORMED");
      }
    }
  });

  it("refuses non-canonical base64url (two texts for one pass)", () => {
    expect(toBase64Url(fromBase64Url("AQ"))).toBe("AQ");
    expect(() => fromBase64Url("AR")).toThrow(PassFormatError);
  });
});
