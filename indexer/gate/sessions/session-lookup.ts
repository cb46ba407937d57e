/**
 * Scanner sessions by token hash, group-committed: every lookup that arrives while one is running
 * joins the next, which is one prepared statement whatever its size. Fifty gates whose cached
 * sessions come due together cost one statement, not fifty queued in front of the admissions.
 */
import { getAddress } from "viem";
import { pgArray, preparedStatement } from "../../db/prepared-statement";
import type { Db } from "../../db/types";
import { microBatch } from "../steps/micro-batch";
import type { GateSession } from "./gate-session";

export type SessionLookup = (tokenHash: string) => Promise<GateSession | null>;

const SESSIONS =
  "SELECT token_hash, contract, gate_id, zone, role, staff, floor(extract(epoch FROM expires_at) * 1000)::int8, revoked_at IS NOT NULL, device_public_key, authority " +
  "FROM gate_sessions WHERE token_hash = ANY($1::text[])";

const lookups = new WeakMap<object, SessionLookup>();

/** The session behind a token hash; null when unknown or revoked. One lookup function per database. */
export function sessionLookup(db: Db): SessionLookup {
  let lookup = lookups.get(db);
  if (!lookup) {
    const select = preparedStatement(db, "fairgate_gate_sessions", SESSIONS, "fast");
    lookup = microBatch(
      async (hashes: string[]) => {
        const found = new Map<string, GateSession>();
        for (const [
          tokenHash,
          contract,
          gateId,
          zone,
          role,
          staff,
          expiresMs,
          revoked,
          devicePublicKey,
          authority,
        ] of await select([pgArray(hashes)])) {
          if (revoked === "t") continue;
          found.set(tokenHash!, {
            tokenHash: tokenHash!,
            contract: getAddress(contract!),
            gateId: gateId!,
            zone: Number(zone),
            role: role === "admin" ? "admin" : "gate",
            staff: staff!,
            expiresAt: new Date(Number(expiresMs)),
            devicePublicKey: devicePublicKey ?? null,
            authority: authority === "wallet" || authority === "invite" ? authority : null,
          });
        }
        return hashes.map((h) => found.get(h) ?? null);
      },
      { maxBatch: 256, maxInFlight: 1 },
    );
    lookups.set(db, lookup);
  }
  return lookup;
}
