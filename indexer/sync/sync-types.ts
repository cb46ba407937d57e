/** The sync engine's public shapes: its options, what it reports after each change, and its handle. */
import type { Address, PublicClient } from "viem";
import type { RangeCap } from "../../lib/rpc/range-cap";
import type { Db } from "../db/types";
import type { RetryOptions } from "./retry";
import type { SyncLease } from "./sync-lease";
import type { SyncStatus } from "./sync-status";

export type SyncChange =
  | {
      type: "range";
      fromBlock: number;
      toBlock: number;
      logs: number;
      events: Record<string, number>;
      contracts: string[];
    }
  | { type: "rollback"; fromBlock: number; toBlock: number };

export type SyncEngineOptions = {
  client: PublicClient;
  db: Db;
  chainId: number;
  factory: Address;
  /** The factory's deployment block: nothing before it matters. */
  fromBlock: number;
  maxBlockRange: number;
  /** The provider's eth_getLogs cap as learned so far (main.ts shares one per RPC URL); default: a fresh one. */
  rangeCap?: RangeCap;
  /** Aim for about this many logs per range (default range-size.ts's): bounds the decoded logs held at once. */
  rangeTargetLogs?: number;
  pollIntervalMs: number;
  /** Pause between polls while caught up and a new-heads subscription is live (it wakes the loop): a keep-alive; default pollIntervalMs. */
  subscribedPollMs?: number;
  /** Blocks deeper than this below the head are final; hashes and reorg undo records are kept this deep. */
  finalityDepth?: number;
  retry?: RetryOptions;
  /** Longest pause between failed steps. */
  maxBackoffMs?: number;
  log?: (line: string) => void;
  /** Who may write; default: always this engine (PGlite). */
  lease?: SyncLease;
  /** Called after each committed range or rollback (SSE). */
  onChange?: (change: SyncChange) => void;
  /** Subscribes to new heads (websocket); returns an unsubscribe function. */
  subscribeHeads?: (onHead: () => void) => () => void;
  /** Backfill progress line every this many ms while catching up; 0 = never. */
  progressIntervalMs?: number;
  /** How often a follower re-reads the cursor and tries to take the lease (default 1 s). */
  followerPollMs?: number;
  /** Called when this engine gains (true) or loses (false) the lease: leader-only jobs follow it. */
  onLeadership?: (leader: boolean) => void;
};

/** Blocks a step applied or rolled back. */
export type StepResult = { fromBlock: number; toBlock: number };

export type SyncEngine = {
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops the loop and waits for the step in flight. */
  stop(): Promise<void>;
  /** Applies at most one block range (or one rollback); `null` when at the head or not the leader. Throws on failure. */
  step(): Promise<StepResult | null>;
  /** Steps until the head read at the start is indexed (tests, scripts). */
  syncToHead(): Promise<void>;
  status(): SyncStatus;
  /** Makes a sleeping loop step now (a new block is known). */
  wake(): void;
};
