/** GET /gate/offline/snapshot: one event's owners, live delegations and admissions, signed. */
import { and, eq, gt } from "drizzle-orm";
import { checkIns, passDelegations, tickets } from "../../db/schema";
import { SNAPSHOT_VERSION, type SignedSnapshot, type Snapshot } from "../../../lib/offline";
import type { GateContext } from "../gate-context";
import type { GateSession } from "../sessions/gate-session";

export async function buildSnapshot(ctx: GateContext, session: GateSession): Promise<SignedSnapshot> {
  const contract = session.contract.toLowerCase();
  const now = ctx.now();
  const [owners, delegations, admitted] = await Promise.all([
    ctx.db.select({ tokenId: tickets.tokenId, owner: tickets.owner, block: tickets.updatedBlock }).from(tickets).where(eq(tickets.contract, contract)),
    ctx.db.select().from(passDelegations).where(and(eq(passDelegations.contract, contract), gt(passDelegations.expiresAt, now))),
    ctx.db.select({ tokenId: checkIns.tokenId }).from(checkIns).where(eq(checkIns.contract, contract)),
  ]);
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    chainId: ctx.chainId,
    contract: session.contract,
    gateId: session.gateId,
    zone: session.zone,
    issuedAt: now.getTime(),
    slotSeconds: ctx.settings.passSlotSeconds,
    skewSlots: ctx.settings.passSkewSlots,
    owners: owners.map((o) => [o.tokenId.toString(), o.owner, o.block]),
    delegations: delegations.map((d) => ({
      keyId: d.keyId,
      publicKey: d.publicKey,
      holder: d.holder as `0x${string}`,
      expiresAt: d.expiresAt.getTime(),
      createdBlock: d.createdBlock,
    })),
    checkedIn: admitted.map((a) => a.tokenId.toString()),
  };
  const payload = JSON.stringify(snapshot);
  return { payload, signature: ctx.snapshotSigner.sign(new TextEncoder().encode(payload)), publicKey: ctx.snapshotSigner.publicKey };
}
