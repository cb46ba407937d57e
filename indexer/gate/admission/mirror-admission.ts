/**
 * The scan hot path's only database work: ONE statement that reads the ticket's facts from the
 * indexer's mirror (owner, last transfer block, tier zones, identity commitment, real-name
 * deadline and binding, event cancelled)
 * and, when they all admit, inserts the check-in (`INSERT … ON CONFLICT DO NOTHING`: the unique
 * index decides first-wins, across gates and instances; `check_ins` is also the batcher's outbox).
 * Concurrent scans are group-committed (micro-batch.ts): a batch is one statement whatever its
 * size, its rows passed as arrays so the statement text never changes.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/types";
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

type Row = {
  i: number;
  owner: string | null;
  updated_block: string | null;
  zones: number | null;
  identity_commitment: string | null;
  cancelled: boolean | null;
  identity_deadline: string | null;
  bound: boolean | null;
  admitted: boolean;
};

const ZERO_COMMITMENT = `0x${"0".repeat(64)}`;

/** A PostgreSQL array literal; values are quoted and escaped, so any text is safe. */
function arrayLiteral(values: (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

export function createMirrorAdmitter(db: Db, opts: MicroBatchOptions = { maxBatch: 256, maxInFlight: 2 }): MirrorAdmitter {
  return microBatch(async (batch: MirrorAdmissionRequest[]): Promise<MirrorAdmission[]> => {
    const col = (f: (r: MirrorAdmissionRequest, i: number) => string | number | null) => arrayLiteral(batch.map(f));
    const result = await db.execute(sql`
      WITH req AS (
        SELECT * FROM unnest(
          ${col((_, i) => i)}::int[],
          ${col((r) => r.ticket.contract.toLowerCase())}::text[],
          ${col((r) => r.ticket.tokenId.toString())}::numeric[],
          ${col((r) => r.claimant.toLowerCase())}::text[],
          ${col((r) => r.gateId)}::text[],
          ${col((r) => r.now.toISOString())}::timestamptz[],
          ${col((r) => r.mode)}::text[],
          ${col((r) => r.zone)}::int[],
          ${col((r) => r.identity?.toLowerCase() ?? null)}::text[],
          ${col((r) => r.notMovedAfter)}::int8[]
        ) AS r(i, contract, token_id, holder, gate_id, at, mode, zone, identity, not_moved_after)
      ),
      f AS (
        SELECT r.*, NULLIF(t.owner, ${zeroAddress}) AS owner, t.updated_block, ti.zones,
          NULLIF(lower(t.identity_commitment), ${ZERO_COMMITMENT}) AS identity_commitment,
          CASE WHEN e.address IS NULL THEN NULL ELSE e.cancelled_at IS NOT NULL END AS cancelled,
          CASE WHEN dl.seconds_before_start > 0 THEN GREATEST(e.start_time - dl.seconds_before_start, 1) END AS identity_deadline,
          t.bound_block IS NOT NULL AS bound
        FROM req r
        LEFT JOIN tickets t ON t.contract = r.contract AND t.token_id = r.token_id
        LEFT JOIN tiers ti ON ti.contract = r.contract AND ti.tier = t.tier
        LEFT JOIN events e ON e.address = r.contract
        LEFT JOIN LATERAL (
          SELECT d.seconds_before_start FROM identity_deadlines d WHERE d.contract = r.contract AND d.tier = t.tier
          ORDER BY d.block_number DESC, d.log_index DESC LIMIT 1
        ) dl ON true
      ),
      ok AS (
        SELECT DISTINCT ON (contract, token_id) i, contract, token_id, holder, gate_id, at, mode FROM f
        WHERE owner = holder AND cancelled = false AND ((zones >> zone) & 1) = 1
          AND (identity_deadline IS NULL OR bound OR extract(epoch FROM at) <= identity_deadline)
          AND (identity_commitment IS NULL OR identity_commitment = identity)
          AND (not_moved_after IS NULL OR updated_block <= not_moved_after)
        ORDER BY contract, token_id, i
      ),
      ins AS (
        INSERT INTO check_ins (contract, token_id, holder, gate_id, checked_in_at, mode)
        SELECT contract, token_id, holder, gate_id, at, mode FROM ok
        ON CONFLICT DO NOTHING
        RETURNING contract, token_id
      )
      SELECT f.i, f.owner, f.updated_block::text AS updated_block, f.zones, f.identity_commitment, f.cancelled,
        f.identity_deadline::text AS identity_deadline, f.bound,
        (ok.i IS NOT NULL AND ins.token_id IS NOT NULL) AS admitted
      FROM f
      LEFT JOIN ok ON ok.i = f.i
      LEFT JOIN ins ON ins.contract = f.contract AND ins.token_id = f.token_id
    `);
    const rows = (result as unknown as { rows: Row[] }).rows;
    const out: MirrorAdmission[] = new Array(batch.length);
    for (const r of rows) {
      out[Number(r.i)] = {
        admitted: r.admitted === true,
        facts: {
          owner: r.owner,
          lastTransferBlock: r.updated_block === null ? null : Number(r.updated_block),
          zones: r.zones === null ? null : Number(r.zones),
          identityCommitment: r.identity_commitment as Hex | null,
          cancelled: r.cancelled,
          identityDeadline: r.identity_deadline === null ? null : Number(r.identity_deadline),
          bound: r.bound === true,
        },
      };
    }
    return out;
  }, opts);
}
