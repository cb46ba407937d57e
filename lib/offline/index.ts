/** Offline gate: signed snapshot + local verifier + admissions queue (see indexer/README.md, "Offline gate"). */
export {
  SNAPSHOT_VERSION,
  OfflineSnapshotError,
  verifySnapshot,
  verifySignedPayload,
  type Snapshot,
  type SignedSnapshot,
  type SnapshotDelegation,
} from "./snapshot";
export { DELTA_VERSION, mergeDelta, verifyDelta, type SnapshotDelta } from "./snapshot-delta";
export { createOfflineGate, type OfflineGate, type OfflineGateOptions, type OfflineAdmission } from "./offline-gate";
export { webCryptoIdentityCommitter, sameCommitment, type IdentityCommitter } from "./identity-check";
