import { exportDevicePublicKey } from "../../lib/pass";
import { loadDeviceKey, loadOrCreateDeviceKey } from "../pass/device-key-store";

let loaded: Promise<CryptoKey | undefined> | undefined;

/**
 * The scanner's request-signing key. Invite sessions are bound to it at redemption and refuse
 * unsigned requests; wallet sessions ignore the signature, so signing whenever a key exists is harmless.
 */
export function gateRequestKey(): Promise<CryptoKey | undefined> {
  // Loaded once, not per scan: opening IndexedDB costs milliseconds at the door.
  loaded ??= loadDeviceKey("gate-device-key").then(
    (pair) => pair?.privateKey,
    () => undefined, // no IndexedDB (private mode): only wallet sessions work here
  );
  return loaded;
}

/** The public half to register when redeeming an invite (the key is made once per browser, non-extractable). */
export async function gateDevicePublicKey(): Promise<string> {
  const pair = await loadOrCreateDeviceKey("gate-device-key");
  loaded = Promise.resolve(pair.privateKey);
  return exportDevicePublicKey(pair.publicKey);
}
