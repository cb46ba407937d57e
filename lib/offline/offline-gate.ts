/**
 * A gate with no network: verifies passes against a signed snapshot, in the online gate's order
 * and with its reason codes (the admission rules are the online gate's own function,
 * lib/gate/judge-admission.ts), and queues admissions for reconcile (POST /gate/offline/reconcile).
 * Zones come from the snapshot; named tickets need the ID number staff enter and a local
 * commitment function (identity-check.ts), else they are refused (IDENTITY_REQUIRED); an unbound
 * ticket of a real-name tier past its deadline is refused (IDENTITY_UNBOUND). A ticket
 * that moved after its delegation is refused
 * (NO_DELEGATION), stricter than online, since the snapshot has no transfer history. A device key
 * the snapshot does not know is SNAPSHOT_BEHIND (deltas keep the snapshot current, snapshot-delta.ts).
 */
import { judgeAdmission } from "../gate/judge-admission";
import type { GateVerdict } from "../gate/reasons";
import { classifySlot, decodePass, fromBase64Url, isLowS, PassFormatError, type DecodedPass } from "../pass";
import { sameCommitment, type IdentityCommitter } from "./identity-check";
import type { Snapshot, SnapshotDelegation } from "./snapshot";

export type OfflineAdmission = { tokenId: string; holder: `0x${string}`; admittedAt: string };

export type OfflineGateOptions = {
  /** Computes an ID number's commitment locally; without it named tickets are refused. */
  commitIdentity?: IdentityCommitter;
};

export type OfflineGate = {
  /** `idNumber`: the holder's ID number as staff entered it, for named tickets (never stored). */
  verify(passText: string, nowMs?: number, idNumber?: string): Promise<GateVerdict>;
  /** Admissions not yet reconciled, oldest first. */
  queued(): OfflineAdmission[];
  /** After the service accepted (or reported as conflicts) these token ids. */
  reconciled(tokenIds: string[]): void;
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

export function createOfflineGate(
  snapshot: Snapshot,
  restored: OfflineAdmission[] = [],
  options: OfflineGateOptions = {},
): OfflineGate {
  const owners = new Map(
    snapshot.owners.map(([id, owner, block, zones, identity, unboundDeadline]) => [
      id,
      { owner, block, zones, identity, unboundDeadline: unboundDeadline ?? null },
    ]),
  );
  const delegations = new Map(snapshot.delegations.map((d) => [d.keyId, d]));
  const seats = new Map((snapshot.seats ?? []).map(([id, section, row, number]) => [id, { section, row, number }]));
  const admitted = new Set(snapshot.checkedIn);
  const queue: OfflineAdmission[] = [...restored];
  for (const a of restored) admitted.add(a.tokenId);
  const keys = new Map<string, Promise<CryptoKey>>();

  const keyOf = (d: SnapshotDelegation) => {
    let k = keys.get(d.keyId);
    if (!k) {
      k = crypto.subtle.importKey(
        "raw",
        fromBase64Url(d.publicKey) as BufferSource,
        { name: "ECDSA", namedCurve: "P-256" },
        false,
        ["verify"],
      );
      keys.set(d.keyId, k);
    }
    return k;
  };

  async function verify(passText: string, nowMs = Date.now(), idNumber?: string): Promise<GateVerdict> {
    let pass: DecodedPass;
    try {
      pass = decodePass(passText);
    } catch (err) {
      const reason = err instanceof PassFormatError ? err.code : "MALFORMED";
      return { result: "DENY", reason, message: err instanceof Error ? err.message : "pass could not be decoded" };
    }
    const about = { contract: pass.contract, tokenId: pass.tokenId.toString() };
    type Deny = Extract<GateVerdict, { result: "DENY" }>;
    const deny = (reason: Deny["reason"], message: string): Deny => ({
      result: "DENY",
      reason,
      message,
      ...about,
    });
    if (pass.chainId !== snapshot.chainId) return deny("WRONG_CHAIN", `pass is for chain ${pass.chainId}`);
    if (pass.contract.toLowerCase() !== snapshot.contract.toLowerCase())
      return deny("WRONG_EVENT", `ticket is of ${pass.contract}, this gate admits ${snapshot.contract}`);
    const slot = classifySlot(pass.slot, nowMs, snapshot.slotSeconds, snapshot.skewSlots);
    if (slot === "old") return deny("SLOT_EXPIRED", `pass slot ${pass.slot} is too old`);
    if (slot === "future") return deny("SLOT_IN_FUTURE", `pass slot ${pass.slot} is ahead of the gate's clock`);
    const d = delegations.get(hex(pass.keyId));
    // Offline the gate cannot tell a phone set up after its list from one never set up: it names its list's age.
    if (!d)
      return {
        ...deny(
          "SNAPSHOT_BEHIND",
          `this device key is not in the snapshot of ${new Date(snapshot.issuedAt).toISOString()}`,
        ),
        snapshotAt: snapshot.issuedAt,
      };
    let valid = false;
    try {
      valid =
        isLowS(pass.signature) &&
        (await crypto.subtle.verify(
          { name: "ECDSA", hash: "SHA-256" },
          await keyOf(d),
          pass.signature as BufferSource,
          pass.signedBytes as BufferSource,
        ));
    } catch {
      valid = false;
    }
    if (!valid) return deny("BAD_SIGNATURE", "device signature is not valid for the delegated key");
    if (d.expiresAt <= nowMs)
      return deny("DELEGATION_EXPIRED", `delegation expired at ${new Date(d.expiresAt).toISOString()}`);
    const tokenId = pass.tokenId.toString();
    const owned = owners.get(tokenId);
    // The rules are the online gate's (lib/gate/judge-admission.ts); the ID number's commitment is
    // computed first (WebCrypto is async), only for a named ticket.
    const typed = idNumber !== undefined && idNumber.trim() !== "";
    const entered =
      owned?.identity != null && typed && options.commitIdentity ? await options.commitIdentity(idNumber) : null;
    const j = judgeAdmission(
      {
        owner: owned?.owner ?? null,
        // Stricter than online: the snapshot has no transfer history, so any move after the delegation voids it.
        movedSinceDelegation: owned !== undefined && owned.block > d.createdBlock,
        cancelled: snapshot.cancelled,
        zones: owned?.zones ?? null,
        identityCommitment: owned?.identity ?? null,
        // The snapshot carries a deadline only for tickets unbound when it was made.
        identityDeadline: owned?.unboundDeadline ?? null,
        bound: false,
        checkedIn: admitted.has(tokenId),
      },
      {
        claimant: d.holder,
        zone: snapshot.zone,
        atMs: nowMs,
        identity: !typed
          ? { kind: "missing", why: "named ticket: enter the holder's ID number" }
          : entered === null
            ? { kind: "missing", why: "named ticket, but this offline scanner cannot check IDs" }
            : { kind: "entered", matches: (commitment) => sameCommitment(entered, commitment) },
      },
    );
    if (!j.admit) return deny(j.reason, j.message);
    admitted.add(tokenId);
    const admittedAt = new Date(nowMs).toISOString();
    queue.push({ tokenId, holder: d.holder, admittedAt });
    const seat = seats.get(tokenId);
    return {
      result: "ADMIT",
      contract: pass.contract,
      tokenId,
      holder: d.holder,
      gateId: snapshot.gateId,
      checkedInAt: admittedAt,
      ...(seat ? { seat } : {}),
    };
  }

  return {
    verify,
    queued: () => [...queue],
    reconciled(tokenIds) {
      const done = new Set(tokenIds);
      for (let i = queue.length - 1; i >= 0; i--) if (done.has(queue[i]!.tokenId)) queue.splice(i, 1);
    },
  };
}
