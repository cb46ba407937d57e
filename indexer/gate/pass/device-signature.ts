/**
 * The device signature check of a pass (P-256, SHA-256, r ‖ s, low s only), placed by load: on the
 * main thread while few scans are in flight, where it is quickest (no thread hop), and on libuv's
 * thread pool once many are, where the other core does it and the event loop takes the next scan.
 * Measured with bench:gate on PGlite (2 cores): main thread 0.39 → 0.29 ms per scan and 2,524 →
 * 3,401 scans/s with 50 gates; at 1,000 scans/s always offloading raised p99 from ~15 to ~24 ms.
 */
import { verify, type KeyObject } from "node:crypto";
import { isLowS } from "../../../lib/pass";

/** Scans in flight above which the signature goes to the thread pool. */
export const OFFLOAD_ABOVE_IN_FLIGHT = 16;

export type DeviceSignatureVerifier = {
  /** True when `signature` is a low-s P-256 signature of `data` by `key`. */
  verify(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
  /** Around each scan, so the verifier knows how busy the gate is. */
  enter(): void;
  leave(): void;
};

export function createDeviceSignatureVerifier(offloadAbove = OFFLOAD_ABOVE_IN_FLIGHT): DeviceSignatureVerifier {
  let inFlight = 0;
  return {
    verify(key, data, signature) {
      // Low-s only: (r, n − s) also verifies, and would be a second encoding of one signature.
      if (!isLowS(signature)) return false;
      const options = { key, dsaEncoding: "ieee-p1363" as const };
      if (inFlight <= offloadAbove) return verify("sha256", data, options, signature);
      return new Promise((resolve) => verify("sha256", data, options, signature, (err, ok) => resolve(!err && ok)));
    },
    enter: () => void inFlight++,
    leave: () => void inFlight--,
  };
}
