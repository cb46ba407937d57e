/**
 * The scan hot path's only database work: ONE statement that reads the ticket's facts from the
 * indexer's mirror (owner, last transfer block, tier zones, identity commitment, real-name
 * deadline and binding, event cancelled)
 * and, when they all admit, inserts the check-in (`INSERT … ON CONFLICT DO NOTHING`: the unique
 * index decides first-wins, across gates and instances; `check_ins` is also the batcher's outbox).
 * Concurrent scans are group-committed (micro-batch.ts): a batch is one statement whatever its
 * size, its rows passed as arrays so the statement text never changes.
 */
import type { Address, Hex } from "viem";
import type { Db } from "../../db/types";
import { pgArray, preparedStatement } from "../../db/prepared-statement";
import { microBatch, type MicroBatchOptions } from "../steps/micro-batch";
import type { TicketRef } from "../steps/ticket-from-message";

export type MirrorAdmissionRequest = {
  ticket: TicketRef;
  /** Who must hold the ticket (the signer, or the delegating holder). */
  claimant: Address;
  gateId: string;
  /** Zone bit of the gate (0-31). */
  zone: number;
  /** HMAC commitment of the ID number staff entered (lower-case hex), or null. */
  identity: Hex | null;
  now: Date;
  mode: "challenge" | "pass";
  /** Pass mode: admit only if the ticket has not moved after this block (the delegation's). */
  notMovedAfter: number | null;
};

/** What the mirror says about the ticket; null fields were not in the mirror. */
export type MirrorFacts = {
  /** Lower-case address (no checksum work on the hot path); null: no such ticket in the mirror (or burned). */
  owner: string | null;
  lastTransferBlock: number | null;
  /** Tier zone bitmask; null when the mirror does not know the ticket's tier. */
  zones: number | null;
  /** null: not a named ticket. */
  identityCommitment: Hex | null;
  /** null: the event is not in the mirror. */
  cancelled: boolean | null;
  /** Unix seconds by which the tier needs an identity binding; null: no binding needed. */
  identityDeadline: number | null;
  bound: boolean;
};

export type MirrorAdmission = { admitted: boolean; facts: MirrorFacts };

export type MirrorAdmitter = (req: MirrorAdmissionRequest) => Promise<MirrorAdmission>;

/** gate_admit (migration 0001_gate_admit.sql) holds the statement, so its plan is kept per connection; the columns are named so their order is fixed here. */
const ADMIT =
  "SELECT i, owner, updated_block, zones, identity_commitment, cancelled, identity_deadline, bound, admitted " +
  "FROM gate_admit($1::int[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::int[], $9::text[], $10::int8[])";

/**
 * One statement in flight: scans arriving meanwhile form the next batch, so batches grow with load and the
 * per-statement cost is shared (PGlite runs one statement at a time anyway; PostgreSQL measured 3,000–3,800
 * scans/s this way, benchmarks/gate.md).
 */
export function createMirrorAdmitter(
  db: Db,
  opts: MicroBatchOptions = { maxBatch: 256, maxInFlight: 1 },
): MirrorAdmitter {
  const admit = preparedStatement(db, "fairgate_gate_admit", ADMIT, "fast");
  return microBatch(async (batch: MirrorAdmissionRequest[]): Promise<MirrorAdmission[]> => {
    const col = (f: (r: MirrorAdmissionRequest, i: number) => string | number | null) => pgArray(batch.map(f));
    const rows = await admit([
      col((_, i) => i),
      col((r) => r.ticket.contract.toLowerCase()),
      col((r) => r.ticket.tokenId.toString()),
      col((r) => r.claimant.toLowerCase()),
      col((r) => r.gateId),
      col((r) => r.now.toISOString()),
      col((r) => r.mode),
      col((r) => r.zone),
      col((r) => r.identity?.toLowerCase() ?? null),
      col((r) => r.notMovedAfter),
    ]);
    const out: MirrorAdmission[] = new Array(batch.length);
    // Text columns, in ADMIT's order; booleans come as "t" / "f".
    for (const [
      i,
      owner,
      updatedBlock,
      zones,
      identityCommitment,
      cancelled,
      identityDeadline,
      bound,
      admitted,
    ] of rows) {
      out[Number(i)] = {
        admitted: admitted === "t",
        facts: {
          owner: owner ?? null,
          lastTransferBlock: updatedBlock == null ? null : Number(updatedBlock),
          zones: zones == null ? null : Number(zones),
          identityCommitment: (identityCommitment ?? null) as Hex | null,
          cancelled: cancelled == null ? null : cancelled === "t",
          identityDeadline: identityDeadline == null ? null : Number(identityDeadline),
          bound: bound === "t",
        },
      };
    }
    return out;
  }, opts);
}
