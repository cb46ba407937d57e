/** What the gate service needs from the rest of the indexer. */
import type { PublicClient } from "viem";
import type { Db } from "../db/types";
import type { SyncStatus } from "../sync/sync-status";

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
};
