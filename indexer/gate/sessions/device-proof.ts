/**
 * A session bound to a device key (invite sessions) is only honoured on requests that key signed
 * within DEVICE_PROOF_SKEW_MS of the gate's clock: a copied token alone is refused.
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import {
  DEVICE_PROOF_SKEW_MS,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceRequestBytes,
  parseDeviceSignature,
} from "../../../lib/gate/request-signature";
import { fromBase64Url, PassFormatError, rawPublicKeyToSpki } from "../../../lib/pass";
import { GateDenial } from "../gate-denial";

/** What the server saw of the request: the route's method and path, the body text, the two headers. */
export type DeviceProof = {
  method: string;
  path: string;
  body: string;
  time: string | undefined;
  signature: string | undefined;
};

/** node:crypto key of a base64url raw P-256 point, or throws PassFormatError. */
export function deviceKeyObject(publicKey: string): KeyObject {
  try {
    return createPublicKey({
      key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(publicKey))),
      format: "der",
      type: "spki",
    });
  } catch (err) {
    if (err instanceof PassFormatError) throw err;
    throw new PassFormatError("device key is not a point on P-256");
  }
}

export function checkDeviceProof(key: KeyObject, proof: DeviceProof | undefined, nowMs: number): void {
  const refuse: (why: string) => never = (why) => {
    throw new GateDenial("GATE_UNAUTHORIZED", `this session is bound to its scanner's device key: ${why}`);
  };
  if (!proof) refuse("this request cannot carry a device signature");
  const signature = parseDeviceSignature(proof.signature);
  if (!signature || !proof.time || !/^[0-9]{1,15}$/.test(proof.time))
    refuse(`sign the request (${DEVICE_TIME_HEADER}, ${DEVICE_SIGNATURE_HEADER})`);
  const timeMs = Number(proof.time);
  if (Math.abs(timeMs - nowMs) > DEVICE_PROOF_SKEW_MS) refuse("the signed time is too far from the gate's clock");
  const bytes = deviceRequestBytes({ method: proof.method, path: proof.path, timeMs, body: proof.body });
  if (!verify("sha256", bytes, { key, dsaEncoding: "ieee-p1363" }, signature))
    refuse("the device signature does not match (another device?)");
}
