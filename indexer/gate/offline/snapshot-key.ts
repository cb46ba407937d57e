/**
 * The key that signs offline snapshots (ECDSA P-256). From GATE_SNAPSHOT_KEY_FILE (PKCS#8 PEM) so
 * every instance and restart signs with the same key scanners pinned; without it, an ephemeral
 * key per process (scanners must fetch the snapshot and pin the key from the same instance).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { fromBase64Url, toBase64Url } from "../../../lib/pass";

export type SnapshotSigner = { publicKey: string; ephemeral: boolean; sign(data: Uint8Array): string };

export class SnapshotKeyError extends Error {
  override name = "SnapshotKeyError";
}

export function createSnapshotSigner(pem?: string): SnapshotSigner {
  let privateKey: KeyObject;
  if (pem) {
    try {
      privateKey = createPrivateKey(pem);
    } catch {
      throw new SnapshotKeyError("GATE_SNAPSHOT_KEY_FILE is not a PKCS#8 PEM private key");
    }
    if (privateKey.asymmetricKeyType !== "ec" || privateKey.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      throw new SnapshotKeyError("GATE_SNAPSHOT_KEY_FILE must hold an EC P-256 (prime256v1) key");
    }
  } else {
    privateKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  }
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  const raw = new Uint8Array(65);
  raw[0] = 4;
  raw.set(fromBase64Url(jwk.x!), 1);
  raw.set(fromBase64Url(jwk.y!), 33);
  return {
    publicKey: toBase64Url(raw),
    ephemeral: !pem,
    sign: (data) => toBase64Url(sign("sha256", data, { key: privateKey, dsaEncoding: "ieee-p1363" })),
  };
}
