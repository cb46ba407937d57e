import { describe, expect, it } from "vitest";
import { ticketStatus } from "./ticket-status";

const base = { refunded: false, eventCancelled: false, checkedInOnChain: false, admittedAt: null };

describe("ticketStatus", () => {
  it("is valid with no admission, no check-in, no refund and the event on", () => {
    expect(ticketStatus(base)).toMatchObject({ code: "valid", text: "Valid", used: false, lockedReason: null });
  });

  it("is admitted as soon as the gate has it, before the chain knows, with the time in words", () => {
    const s = ticketStatus({ ...base, admittedAt: "2026-12-07T21:04:30Z" }, { timeZone: "UTC" });
    expect(s).toMatchObject({ code: "admitted", used: true, usedAt: "2026-12-07T21:04:30Z" });
    expect(s.lockedReason).toBe(
      "This ticket was used at the gate at 21:04. It can no longer be resold, sent or returned.",
    );
  });

  it("is checked in once the chain has it, keeping the gate's time", () => {
    const s = ticketStatus(
      { ...base, checkedInOnChain: true, admittedAt: "2026-12-07T21:04:30Z" },
      { timeZone: "UTC" },
    );
    expect(s).toMatchObject({ code: "checked-in", text: "Checked in", used: true });
    expect(s.lockedReason).toContain("at 21:04");
    expect(ticketStatus({ ...base, checkedInOnChain: true }).lockedReason).toBe(
      "This ticket was used at the gate. It can no longer be resold, sent or returned.",
    );
  });

  it("puts refunded before cancelled before used", () => {
    expect(ticketStatus({ ...base, refunded: true, eventCancelled: true, checkedInOnChain: true }).code).toBe(
      "refunded",
    );
    expect(ticketStatus({ ...base, eventCancelled: true, admittedAt: "2026-12-07T21:04:30Z" }).code).toBe("cancelled");
  });
});
