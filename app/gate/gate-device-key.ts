import { exportDevicePublicKey } from "../../lib/pass";
import { loadDeviceKey, loadOrCreateDeviceKey } from "../pass/device-key-store";

/**
 * The scanner's request-signing key. Invite sessions are bound to it at redemption and refuse
 * unsigned requests; wallet sessions ignore the signature, so signing whenever a key exists is harmless.
 */
export async function gateRequestKey(): Promise<CryptoKey | undefined> {
  try {
    return (await loadDeviceKey("gate-device-key"))?.privateKey;
  } catch {
    return undefined; // no IndexedDB (private mode): only wallet sessions work here
  }
}

/** The public half to register when redeeming an invite (the key is made once per browser, non-extractable). */
export async function gateDevicePublicKey(): Promise<string> {
  return exportDevicePublicKey((await loadOrCreateDeviceKey("gate-device-key")).publicKey);
}
