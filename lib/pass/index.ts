/** The pass protocol shared by the phone (app), the gate (indexer) and tests. See README.md. */
export { PassFormatError, toBase64Url, fromBase64Url } from "./bytes";
export { PASS_SLOT_SECONDS, slotAt, msUntilNextSlot, classifySlot } from "./slot";
export {
  P256_N,
  RAW_PUBLIC_KEY_BYTES,
  SIGNATURE_BYTES,
  isLowS,
  normalizeLowS,
  flipS,
  rawPublicKeyToSpki,
} from "./p256";
export {
  PASS_VERSION,
  KEY_ID_BYTES,
  MAX_PASS_TEXT,
  passSigningBytes,
  encodePass,
  decodePass,
  type PassFields,
  type DecodedPass,
} from "./payload";
export { createDeviceKey, exportDevicePublicKey, keyIdOf, signPass } from "./device-key";
export {
  buildDelegationMessage,
  parseDelegationResources,
  passKeyResource,
  type DelegationRequest,
} from "./delegation-message";
export { delegationProofBytes, signDelegationProof } from "./delegation-proof";
export { eventResource } from "../siwe/challenge-message";
