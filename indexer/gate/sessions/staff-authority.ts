/**
 * A staff session lasts 12 hours, the authority behind it may not: the organizer can revoke a
 * wallet's GATE_ROLE on chain at any time. So the authority is re-checked on chain:
 * - on scans, at most `maxAgeMs` old (cached; re-read in the background from `refreshAfterMs`, so a
 *   busy scanner never waits; an idle one waits once for the read);
 * - before every privileged call (offline snapshot, reconcile, invites, staff sessions): read now.
 * A wallet session needs its wallet to hold GATE_ROLE (or the admin role; an `admin` session the
 * admin role); an invite session needs the organizer wallet that issued the invite to hold the admin
 * role still. Authority lost: the session is revoked in the database (every instance refuses it
 * within its session cache) and the call is refused (GATE_UNAUTHORIZED). The chain cannot be
 * asked: INDEXER_STALE, never a pass.
 */
import { eq } from "drizzle-orm";
import { isAddress, keccak256, toHex, zeroHash, type Address } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { STAFF_AUTHORITY_RECHECK as RECHECK } from "../../api/abuse-limits";
import { gateInvites, gateSessions } from "../../db/schema";
import type { GateDeps } from "../gate-deps";
import { GateDenial } from "../gate-denial";
import type { GateSession } from "./gate-session";

const GATE_ROLE = keccak256(toHex("GATE_ROLE"));

type Entry = { at: number; ok: boolean; refreshing: boolean };

export type StaffAuthority = {
  /** Throws GATE_UNAUTHORIZED (authority lost; the session is revoked) or INDEXER_STALE (chain unreachable). */
  check(session: GateSession, opts?: { fresh?: boolean }): Promise<void>;
  /** A sign-in just read the roles: no second read for the first scans. */
  remember(session: Pick<GateSession, "tokenHash">, ok: boolean): void;
};

export function createStaffAuthority(
  deps: Pick<GateDeps, "db" | "client" | "now">,
  onRevoked: () => void,
): StaffAuthority {
  const cache = new Map<string, Entry>();
  const put = (key: string, ok: boolean, at: number) => {
    if (cache.size >= RECHECK.maxCachedSessions) cache.delete(cache.keys().next().value!);
    cache.set(key, { at, ok, refreshing: false });
  };

  async function holds(session: GateSession): Promise<boolean> {
    let account: Address;
    let role = session.role;
    if (session.authority === "invite") {
      const [invite] = await deps.db
        .select({ by: gateInvites.createdBy })
        .from(gateInvites)
        .where(eq(gateInvites.id, session.staff.slice("invite:".length)));
      // An invite only an organizer's wallet session can issue; anything else has no authority to check.
      if (!invite || !isAddress(invite.by, { strict: false })) return false;
      account = invite.by as Address;
      role = "admin";
    } else {
      if (!isAddress(session.staff, { strict: false })) return false;
      account = session.staff as Address;
    }
    const has = (r: `0x${string}`) =>
      deps.client.readContract({
        address: session.contract,
        abi: eventTicketAbi,
        functionName: "hasRole",
        args: [r, account],
      });
    try {
      const [admin, gate] = await Promise.all([
        has(zeroHash),
        role === "gate" ? has(GATE_ROLE) : Promise.resolve(false),
      ]);
      return admin || gate;
    } catch (err) {
      throw new GateDenial(
        "INDEXER_STALE",
        `could not read the staff role on chain: ${(err as Error).message.split("\n")[0]}`,
      );
    }
  }

  async function read(session: GateSession): Promise<boolean> {
    const at = deps.now().getTime();
    const ok = await holds(session);
    put(session.tokenHash, ok, at);
    if (!ok) {
      await deps.db
        .update(gateSessions)
        .set({ revokedAt: deps.now() })
        .where(eq(gateSessions.tokenHash, session.tokenHash));
      onRevoked();
    }
    return ok;
  }

  return {
    async check(session, opts = {}) {
      if (!session.authority) return;
      const hit = cache.get(session.tokenHash);
      const age = hit ? deps.now().getTime() - hit.at : Infinity;
      let ok: boolean;
      if (opts.fresh || !hit || age > RECHECK.maxAgeMs) {
        ok = await read(session);
      } else {
        ok = hit.ok;
        if (ok && age > RECHECK.refreshAfterMs && !hit.refreshing) {
          hit.refreshing = true;
          // A failed refresh leaves the entry to age out; the next call past maxAgeMs reads (and reports) it.
          read(session).catch(() => (hit.refreshing = false));
        }
      }
      if (!ok) {
        const who =
          session.authority === "invite"
            ? "the organizer wallet that issued this scanner's invite no longer holds the admin role"
            : `${session.staff} no longer holds ${session.role === "admin" ? "the admin role" : "GATE_ROLE"}`;
        throw new GateDenial("GATE_UNAUTHORIZED", `${who} on ${session.contract}: the session is ended`);
      }
    },
    remember(session, ok) {
      put(session.tokenHash, ok, deps.now().getTime());
    },
  };
}
