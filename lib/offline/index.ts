/** Offline gate: signed snapshot + local verifier + admissions queue (see indexer/README.md, "Offline gate"). */
export {
  SNAPSHOT_VERSION,
  OfflineSnapshotError,
  verifySnapshot,
  type Snapshot,
  type SignedSnapshot,
  type SnapshotDelegation,
} from "./snapshot";
export { createOfflineGate, type OfflineGate, type OfflineGateOptions, type OfflineAdmission } from "./offline-gate";
export { webCryptoIdentityCommitter, sameCommitment, type IdentityCommitter } from "./identity-check";
