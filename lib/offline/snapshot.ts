/**
 * The offline gate snapshot: what one event's gate needs to check passes with no network
 * (owners, each ticket's zones and identity commitment, whether the event is cancelled, pass
 * delegations, tickets already admitted), as JSON text signed by the gate service
 * (ECDSA P-256/SHA-256, raw r‖s). The scanner pins the service's public key while online and
 * refuses any snapshot that key did not sign. Browser- and Node-safe (WebCrypto only).
 */
import { fromBase64Url } from "../pass";

/**
 * 2: owners carry zones and identity commitments; `cancelled` added (offline zone and ID checks).
 * 3: owners carry the real-name deadline of unbound tickets (offline IDENTITY_UNBOUND); optional
 *    `seats` (reserved seating) added later without a bump: a snapshot without them admits alike, unlabelled.
 */
export const SNAPSHOT_VERSION = 3;

export type SnapshotDelegation = {
  /** hex of the 8-byte key id carried in passes */
  keyId: string;
  /** base64url raw P-256 point of the device key */
  publicKey: string;
  holder: `0x${string}`;
  /** ms since epoch */
  expiresAt: number;
  /** chain head when the delegation was verified */
  createdBlock: number;
};

export type Snapshot = {
  version: number;
  chainId: number;
  contract: `0x${string}`;
  gateId: string;
  zone: number;
  /** ms since epoch */
  issuedAt: number;
  /**
   * The mirror's block when the snapshot (or the last delta merged into it) was read: with
   * `issuedAt`, the cursor a delta is asked from (snapshot-delta.ts). Added without a version
   * bump; a snapshot without it takes no deltas.
   */
  block?: number;
  slotSeconds: number;
  skewSlots: number;
  /** The organizer cancelled the event (as the mirror knew when the snapshot was made). */
  cancelled: boolean;
  /**
   * [tokenId (decimal), owner (lowercase), block of its last transfer, tier zone bitmask (null:
   * tier unknown), identity commitment of a named ticket (0x…, lowercase) or null, unix seconds
   * by which the ticket had to be bound when its tier needs a binding and it was unbound at
   * snapshot time (else null or absent)]. A binding is only possible up to the deadline, so a
   * snapshot taken after it is exact; one taken before it may refuse a ticket bound since.
   */
  owners: [string, string, number, number | null, string | null, (number | null)?][];
  delegations: SnapshotDelegation[];
  /** token ids (decimal) admitted before the snapshot */
  checkedIn: string[];
  /** Reserved tickets' seats, [tokenId (decimal), section, row, seat number], so an offline ADMIT names the seat too. */
  seats?: [string, string, string, number][];
};

/** What GET /gate/offline/snapshot answers. */
export type SignedSnapshot = { payload: string; signature: string; publicKey: string };

export class OfflineSnapshotError extends Error {
  override name = "OfflineSnapshotError";
}

async function importP256(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", raw as BufferSource, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
}

/**
 * Checks the service's signature with the pinned key and parses the snapshot.
 *
 * @example
 * const snapshot = await verifySnapshot(await res.json(), pinnedServiceKey);
 */
export async function verifySnapshot(signed: SignedSnapshot, trustedPublicKey: string): Promise<Snapshot> {
  const snapshot = (await verifySignedPayload(signed, trustedPublicKey)) as Snapshot;
  if (snapshot.version !== SNAPSHOT_VERSION)
    throw new OfflineSnapshotError(`snapshot version ${snapshot.version} is not supported`);
  return snapshot;
}

/** The pinned key signed this payload (a snapshot or a delta): its parsed JSON, else OfflineSnapshotError. */
export async function verifySignedPayload(signed: SignedSnapshot, trustedPublicKey: string): Promise<unknown> {
  if (signed.publicKey !== trustedPublicKey)
    throw new OfflineSnapshotError("snapshot signed by a key this scanner does not trust");
  let ok = false;
  try {
    const key = await importP256(fromBase64Url(trustedPublicKey));
    ok = await crypto.subtle.verify(
      { name: "ECDSA", hash: "SHA-256" },
      key,
      fromBase64Url(signed.signature) as BufferSource,
      new TextEncoder().encode(signed.payload),
    );
  } catch {
    ok = false;
  }
  if (!ok) throw new OfflineSnapshotError("snapshot signature is not valid");
  try {
    return JSON.parse(signed.payload);
  } catch {
    throw new OfflineSnapshotError("signed payload is not JSON");
  }
}
