/**
 * Delta updates of an offline snapshot: what changed in the mirror since a snapshot's cursor (its
 * `block` and `issuedAt`): tickets minted, moved, burned or bound (or whose tier's real-name
 * deadline changed), pass delegations registered, admissions recorded, and the event's
 * cancellation. Signed by the snapshot's service key; a scanner with a moment of network merges
 * one and then admits a phone set up after its snapshot. Browser- and Node-safe.
 */
import {
  OfflineSnapshotError,
  verifySignedPayload,
  type SignedSnapshot,
  type Snapshot,
  type SnapshotDelegation,
} from "./snapshot";

export const DELTA_VERSION = 1;

export type SnapshotDelta = {
  /** Never a snapshot: a signed delta cannot pass for a snapshot, nor one for a delta. */
  kind: "delta";
  version: number;
  chainId: number;
  contract: `0x${string}`;
  gateId: string;
  zone: number;
  /** The cursor the delta was asked from. */
  since: { block: number; issuedAt: number };
  /** The new cursor: the mirror's block when the delta was read, and its time (ms). */
  block: number;
  issuedAt: number;
  cancelled: boolean;
  /** Changed tickets, each replacing its entry (Snapshot["owners"]'s layout). */
  owners: Snapshot["owners"];
  /** Token ids burned since the cursor. */
  burned: string[];
  delegations: SnapshotDelegation[];
  /** Token ids admitted since the cursor (a few earlier ones may repeat). */
  checkedIn: string[];
  seats?: NonNullable<Snapshot["seats"]>;
};

/** The pinned key signed this delta; else OfflineSnapshotError. */
export async function verifyDelta(signed: SignedSnapshot, trustedPublicKey: string): Promise<SnapshotDelta> {
  const delta = (await verifySignedPayload(signed, trustedPublicKey)) as Partial<SnapshotDelta> | null;
  if (delta?.kind !== "delta" || delta.version !== DELTA_VERSION)
    throw new OfflineSnapshotError("not a snapshot delta this scanner understands");
  return delta as SnapshotDelta;
}

/**
 * The snapshot with the delta applied, its cursor moved to the delta's. Refuses a delta of another
 * event, gate or zone, and one with a gap (asked from a cursor later than the snapshot's); a delta
 * no newer than the snapshot changes nothing.
 *
 * @example
 * const current = mergeDelta(snapshot, await verifyDelta(signedDelta, pinnedKey));
 */
export function mergeDelta(snapshot: Snapshot, delta: SnapshotDelta): Snapshot {
  const same =
    delta.chainId === snapshot.chainId &&
    delta.contract.toLowerCase() === snapshot.contract.toLowerCase() &&
    delta.gateId === snapshot.gateId &&
    delta.zone === snapshot.zone;
  if (!same) throw new OfflineSnapshotError("this delta is for another event, gate or zone");
  if (snapshot.block === undefined) throw new OfflineSnapshotError("this snapshot has no cursor to take deltas");
  if (delta.since.block > snapshot.block || delta.since.issuedAt > snapshot.issuedAt)
    throw new OfflineSnapshotError("this delta starts after the snapshot: changes in between would be missing");
  if (delta.issuedAt <= snapshot.issuedAt) return snapshot;

  const owners = new Map(snapshot.owners.map((o) => [o[0], o]));
  for (const o of delta.owners) owners.set(o[0], o);
  for (const id of delta.burned) owners.delete(id);
  const delegations = new Map(snapshot.delegations.map((d) => [d.keyId, d]));
  for (const d of delta.delegations) delegations.set(d.keyId, d);
  const seats = new Map((snapshot.seats ?? []).map((s) => [s[0], s]));
  for (const s of delta.seats ?? []) seats.set(s[0], s);
  return {
    ...snapshot,
    issuedAt: delta.issuedAt,
    block: Math.max(delta.block, snapshot.block),
    cancelled: delta.cancelled,
    owners: [...owners.values()],
    delegations: [...delegations.values()],
    checkedIn: [...new Set([...snapshot.checkedIn, ...delta.checkedIn])],
    ...(seats.size > 0 ? { seats: [...seats.values()] } : {}),
  };
}
