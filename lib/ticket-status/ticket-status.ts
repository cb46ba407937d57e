/**
 * A ticket's one status, from the facts the chain and the gate know: the ticket page, My tickets and the
 * public check all show this, so they never disagree. The gate admits first and the check-in batcher
 * writes it on chain seconds later: in between the ticket is `admitted`, already used, and the app refuses
 * to list, send or return it even though the chain would still take it.
 */

export type TicketStatusCode = "valid" | "admitted" | "checked-in" | "refunded" | "cancelled";

export type TicketStatusFacts = {
  refunded: boolean;
  eventCancelled: boolean;
  /** `isCheckedIn` on chain (or the mirror's CheckedIn log). */
  checkedInOnChain: boolean;
  /** When a gate of this server admitted it (ISO), null if none has. */
  admittedAt: string | null;
};

export type TicketStatus = {
  code: TicketStatusCode;
  /** One or two words for a badge: "Valid", "Used at the gate", "Checked in", … */
  text: string;
  /** Used to enter (at the gate, on chain or both). */
  used: boolean;
  /** The gate's admission time (ISO), when known. */
  usedAt: string | null;
  /** Why it can no longer be listed, sent or returned; null while it can (as far as its status goes). */
  lockedReason: string | null;
};

/** HH:MM in the viewer's time zone, e.g. "21:04". */
export function clockTime(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  });
}

/**
 * @example
 * ticketStatus({ refunded: false, eventCancelled: false, checkedInOnChain: false, admittedAt: "2026-12-07T21:04:00Z" }).code // "admitted"
 */
export function ticketStatus(f: TicketStatusFacts, options: { timeZone?: string } = {}): TicketStatus {
  const usedAt = f.admittedAt;
  const at = usedAt ? ` at ${clockTime(usedAt, options.timeZone)}` : "";
  if (f.refunded)
    return {
      code: "refunded",
      text: "Refunded",
      used: false,
      usedAt: null,
      lockedReason: "This ticket was refunded; it is void.",
    };
  if (f.eventCancelled)
    return {
      code: "cancelled",
      text: "Event cancelled",
      used: false,
      usedAt: null,
      lockedReason: "The event is cancelled. Claim a refund instead.",
    };
  const used = `This ticket was used at the gate${at}. It can no longer be resold, sent or returned.`;
  if (f.checkedInOnChain) return { code: "checked-in", text: "Checked in", used: true, usedAt, lockedReason: used };
  if (usedAt !== null) return { code: "admitted", text: "Used at the gate", used: true, usedAt, lockedReason: used };
  return { code: "valid", text: "Valid", used: false, usedAt: null, lockedReason: null };
}
