/** What the gate service needs from the rest of the indexer. */
import type { PublicClient } from "viem";
import type { Db } from "../db/types";
import type { SyncStatus } from "../sync/sync-status";
import type { TicketFacts } from "./facts/ticket-facts";

export type GateSettings = {
  /** Pass time slot length; the app must use the same. */
  passSlotSeconds: number;
  /** Slots either side of the gate's current one that still count (clock skew). */
  passSkewSlots: number;
  /** Longest delegation a fan may sign. */
  maxDelegationSeconds: number;
  /** Gate staff sessions last this long. */
  sessionTtlSeconds: number;
  /** Scans per second per device (token bucket; burst = 2×). */
  scanRatePerSecond: number;
  /** Challenges, nonces, sign-ins and delegations per second per client IP (burst = 4×). */
  ipRatePerSecond: number;
  /**
   * Longest wait for the chain's `ownerOf` on a scan (a mirror "no" double-checked, or a stale mirror). Past it the
   * chain counts as unreachable: the fresh mirror's answer stands, or a stale mirror gives INDEXER_STALE. Without it a
   * hanging RPC would hold a door for the transport's timeout and retries (20 s with the indexer's client).
   */
  chainCheckMs: number;
  /** Proxies in front of the server that append to X-Forwarded-For (api/client-ip.ts); 0 = use the socket's address. */
  trustedProxyHops: number;
  /** Challenge mode: refuse `/gate/challenge` without a gate session. Pass scans always need one. */
  requireSessionForChallenge: boolean;
  /** Secret pepper of the identity commitments (real-name tiers); without it such tickets are refused. */
  identityPepper?: string | undefined;
  /** PKCS#8 PEM P-256 key that signs offline snapshots; without it each process makes an ephemeral one. */
  snapshotKeyPem?: string | undefined;
};

export const defaultGateSettings: GateSettings = {
  passSlotSeconds: 10,
  passSkewSlots: 1,
  maxDelegationSeconds: 7 * 24 * 3600,
  sessionTtlSeconds: 12 * 3600,
  scanRatePerSecond: 10,
  ipRatePerSecond: 50,
  chainCheckMs: 1_500,
  trustedProxyHops: 0,
  requireSessionForChallenge: false,
};

export type GateDeps = {
  db: Db;
  client: PublicClient;
  chainId: number;
  /** Allowed SIWE domains; the first is the default for new challenges. */
  siweDomains: readonly string[];
  challengeTtlSeconds: number;
  /** Mirror ownership is trusted only within this many blocks of the head. */
  maxIndexerLagBlocks: number;
  /** ...and only if the head was read this recently. */
  maxHeadAgeMs: number;
  syncStatus: () => SyncStatus;
  /** Injectable clock, for expiry tests. */
  now: () => Date;
  /** Tier zones, identity commitments, cancellation when the mirror cannot answer (default: read from the contract, cached). */
  facts?: TicketFacts;
  settings?: Partial<GateSettings>;
  /** Called after tickets were admitted (scan, pass scan, offline reconcile): the change stream tells the screens. */
  onAdmitted?: (contract: string, tokenIds: readonly string[]) => void;
};
