/**
 * The CLI scanner's device key: a P-256 key pair made at `session invite`, kept in a file only
 * this user can read (a terminal has no non-extractable key store like the browser's IndexedDB).
 * The invite session is bound to its public key; `scan` signs each request with the private key.
 */
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fromBase64Url, toBase64Url } from "../../lib/pass";

export const DEFAULT_DEVICE_KEY_FILE = join(homedir(), ".fairgate", "gate-device-key.json");

type KeyFile = { version: 1; publicKey: string; privateKeyPkcs8: string };

export class DeviceKeyFileError extends Error {
  override name = "DeviceKeyFileError";
}

const P256 = { name: "ECDSA", namedCurve: "P-256" } as const;

/**
 * A new key pair: its base64url raw public key, and `save` to write it (mode 0600) once the
 * service accepted it, so a refused invite does not replace the key of a working session.
 */
export async function newDeviceKey(): Promise<{ publicKey: string; save(path: string): Promise<void> }> {
  const keys = await crypto.subtle.generateKey(P256, true, ["sign", "verify"]);
  const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey)));
  const privateKeyPkcs8 = toBase64Url(new Uint8Array(await crypto.subtle.exportKey("pkcs8", keys.privateKey)));
  return {
    publicKey,
    async save(path) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, `${JSON.stringify({ version: 1, publicKey, privateKeyPkcs8 } satisfies KeyFile)}\n`, {
        mode: 0o600,
      });
      await chmod(path, 0o600);
    },
  };
}

/** The private key (non-extractable once loaded), or DeviceKeyFileError. */
export async function loadDeviceKey(path: string): Promise<CryptoKey> {
  let file: KeyFile;
  try {
    file = JSON.parse(await readFile(path, "utf8")) as KeyFile;
  } catch {
    throw new DeviceKeyFileError(
      `no scanner device key at ${path}: run \`npm run gate -- session invite <code>\` on this device`,
    );
  }
  try {
    return await crypto.subtle.importKey("pkcs8", fromBase64Url(file.privateKeyPkcs8) as BufferSource, P256, false, [
      "sign",
    ]);
  } catch {
    throw new DeviceKeyFileError(`${path} does not hold a P-256 device key`);
  }
}
