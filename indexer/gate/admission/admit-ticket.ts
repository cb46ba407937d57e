/**
 * The steps from ownership to admission, shared by challenge and pass scans, in the fixed order:
 * holder owns the ticket now (UNKNOWN_TOKEN, INDEXER_STALE, NOT_OWNER) → pass mode: it has not
 * moved since the delegation (NO_DELEGATION) → not cancelled → zone → identity binding made by the
 * tier's deadline (IDENTITY_UNBOUND) → identity → first-wins
 * check-in (ALREADY_CHECKED_IN).
 *
 * Fast path, when the mirror is fresh within the bound: one statement (mirror-admission.ts) reads
 * the facts and admits; a refusal is then explained from the facts it read, with no further query.
 * Slow path, when the mirror is stale or lacks or contradicts something (a transfer it has not seen
 * yet, a tier it does not know, a move after the delegation): RPC `ownerOf`, contract facts, then
 * a plain insert.
 */
import { getAddress, type Address } from "viem";
import { identityCommitment } from "../../../lib/identity/identity-commitment";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { gaveAwaySinceDelegation } from "../pass/moved-since";
import { checkRules, checkTicketRules } from "../steps/check-ticket-rules";
import { mirrorIsFresh, resolveOwnership } from "../steps/resolve-owner";
import type { TicketRef } from "../steps/ticket-from-message";
import type { MirrorFacts } from "./mirror-admission";

export type AdmissionArgs = {
  ticket: TicketRef;
  /** Who must hold the ticket: the SIWE signer, or the holder who delegated the pass key. */
  claimant: Address;
  gateId: string;
  zone: number;
  idNumber?: string | undefined;
  now: Date;
  mode: "challenge" | "pass";
  /** Pass mode: the block at which the delegation was verified; a move after it voids the pass. */
  delegatedAtBlock: number | null;
};

/** ADMIT's facts, or throws the first failing step's GateDenial. */
export async function admitTicket(ctx: GateContext, a: AdmissionArgs): Promise<{ holder: Address; checkedInAt: Date }> {
  const rules = { zone: a.zone, identityPepper: ctx.settings.identityPepper };
  if (mirrorIsFresh(ctx)) {
    const hasId = a.idNumber !== undefined && a.idNumber.trim() !== "" && !!rules.identityPepper;
    const { admitted, facts } = await ctx.admitFromMirror({
      ticket: a.ticket,
      claimant: a.claimant,
      gateId: a.gateId,
      zone: a.zone,
      identity: hasId ? identityCommitment(rules.identityPepper!, a.idNumber!) : null,
      now: a.now,
      mode: a.mode,
      notMovedAfter: a.delegatedAtBlock,
    });
    if (admitted) return { holder: a.claimant, checkedInAt: a.now };
    if (mirrorExplains(facts, a)) {
      checkRules(
        {
          cancelled: facts.cancelled!,
          zones: facts.zones!,
          identityCommitment: facts.identityCommitment,
          identityDeadline: facts.identityDeadline,
          bound: facts.bound,
        },
        a.ticket,
        rules,
        a.idNumber,
        a.now,
      );
      throw new GateDenial("ALREADY_CHECKED_IN", "ticket was admitted before", a.ticket);
    }
  }
  return admitSlowly(ctx, a, rules);
}

/** The mirror agrees on the holder and knows every fact: its refusal stands without asking the chain. */
function mirrorExplains(f: MirrorFacts, a: AdmissionArgs): boolean {
  return (
    f.owner === a.claimant.toLowerCase() &&
    f.cancelled !== null &&
    f.zones !== null &&
    (a.delegatedAtBlock === null || (f.lastTransferBlock !== null && f.lastTransferBlock <= a.delegatedAtBlock))
  );
}

async function admitSlowly(
  ctx: GateContext,
  a: AdmissionArgs,
  rules: { zone: number; identityPepper?: string | undefined },
) {
  const { owner, lastTransferBlock } = await resolveOwnership(ctx, a.ticket, a.claimant);
  if (owner !== getAddress(a.claimant))
    throw new GateDenial("NOT_OWNER", `ticket is held by ${owner}, not ${a.claimant}`);
  if (
    a.delegatedAtBlock !== null &&
    (await gaveAwaySinceDelegation(ctx, a.ticket, owner, a.delegatedAtBlock, lastTransferBlock))
  ) {
    throw new GateDenial(
      "NO_DELEGATION",
      `the holder gave the ticket away after delegating (block ${a.delegatedAtBlock}); delegate again`,
    );
  }
  await checkTicketRules(ctx.facts, a.ticket, rules, a.idNumber, a.now);
  const checkedInAt = await ctx.recordCheckIn({
    ticket: a.ticket,
    holder: owner,
    gateId: a.gateId,
    now: a.now,
    mode: a.mode,
  });
  return { holder: owner, checkedInAt };
}
