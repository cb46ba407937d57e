/**
 * Pass-mode scan, in a fixed order (first failure is the reason): decode (MALFORMED,
 * WRONG_VERSION) → chain (WRONG_CHAIN) → this gate's event (WRONG_EVENT) → time slot
 * (SLOT_EXPIRED, SLOT_IN_FUTURE) → delegation of the key id (NO_DELEGATION) → device signature,
 * low-s, node:crypto (BAD_SIGNATURE) → delegation unexpired (DELEGATION_EXPIRED) → delegator owns
 * the ticket now (UNKNOWN_TOKEN, INDEXER_STALE, NOT_OWNER) and it has not moved since the
 * delegation (NO_DELEGATION) → not cancelled (CANCELLED) → zone (ZONE_NOT_ALLOWED) → identity
 * (IDENTITY_REQUIRED, IDENTITY_MISMATCH) → first-wins check-in (ALREADY_CHECKED_IN) → ADMIT.
 */
import { bytesToHex } from "viem";
import { classifySlot, decodePass, PassFormatError, type DecodedPass } from "../../../lib/pass";
import type { GateVerdict } from "../../../lib/gate/reasons";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import type { GateSession } from "../sessions/gate-session";
import { admitTicket } from "../admission/admit-ticket";
import type { TicketRef } from "../steps/ticket-from-message";
import { admitVerdict, denyVerdict } from "../gate-verdict";

export type PassScan = { pass: string; idNumber?: string | undefined };

export async function verifyPass(
  ctx: GateContext,
  session: Pick<GateSession, "contract" | "gateId" | "zone">,
  scan: PassScan,
): Promise<GateVerdict> {
  let ticket: TicketRef | undefined;
  ctx.deviceSignatures.enter();
  try {
    const pass = decode(scan.pass);
    if (pass.chainId !== ctx.chainId)
      throw new GateDenial("WRONG_CHAIN", `pass is for chain ${pass.chainId}, this gate serves ${ctx.chainId}`);
    ticket = { contract: pass.contract, tokenId: pass.tokenId };
    if (pass.contract.toLowerCase() !== session.contract.toLowerCase()) {
      throw new GateDenial("WRONG_EVENT", `ticket is of ${pass.contract}, this gate admits ${session.contract}`);
    }
    const now = ctx.now();
    const slot = classifySlot(pass.slot, now.getTime(), ctx.settings.passSlotSeconds, ctx.settings.passSkewSlots);
    if (slot === "old") throw new GateDenial("SLOT_EXPIRED", `pass slot ${pass.slot} is too old`);
    if (slot === "future")
      throw new GateDenial("SLOT_IN_FUTURE", `pass slot ${pass.slot} is ahead of the gate's clock`);

    const delegation = await ctx.delegations.get(pass.contract, bytesToHex(pass.keyId).slice(2));
    if (!delegation) throw new GateDenial("NO_DELEGATION", "no delegation for this device key and event");
    if (!(await ctx.deviceSignatures.verify(delegation.key, pass.signedBytes, pass.signature))) {
      throw new GateDenial("BAD_SIGNATURE", "device signature is not valid for the delegated key");
    }
    if (delegation.expiresAt <= now.getTime()) {
      throw new GateDenial(
        "DELEGATION_EXPIRED",
        `delegation expired at ${new Date(delegation.expiresAt).toISOString()}`,
      );
    }
    const { holder, checkedInAt } = await admitTicket(ctx, {
      ticket,
      claimant: delegation.holder,
      gateId: session.gateId,
      zone: session.zone,
      idNumber: scan.idNumber,
      now,
      mode: "pass",
      delegatedAtBlock: delegation.createdBlock,
    });
    return admitVerdict(
      ticket,
      holder,
      session.gateId,
      checkedInAt,
      await ctx.venues.seatOf(ticket.contract, ticket.tokenId),
    );
  } catch (err) {
    return denyVerdict(err, ticket);
  } finally {
    ctx.deviceSignatures.leave();
  }
}

function decode(text: string): DecodedPass {
  try {
    return decodePass(text);
  } catch (err) {
    if (err instanceof PassFormatError) throw new GateDenial(err.code, err.message);
    throw new GateDenial("MALFORMED", "pass could not be decoded");
  }
}
