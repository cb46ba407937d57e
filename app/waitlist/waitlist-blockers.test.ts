import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import type { EventView, TierView } from "../chain-reads/read-event";
import type { WaitlistView } from "../chain-reads/read-waitlist";
import { hasWaitlist, joinBlocker, returnBlocker, returnPayout } from "./waitlist-blockers";

const START = 2_000_000_000n;
const NOW = START - 10n * 86_400n;
const tier: TierView = {
  id: 0,
  faceValue: parseEther("0.1"),
  supply: 2,
  minted: 2,
  zones: 1,
  mode: 0,
  resaleCapBps: 10_000,
  voucherOnly: false,
  reserved: false,
};
const event = {
  address: "0x0000000000000000000000000000000000000001",
  market: "0x0000000000000000000000000000000000000002",
  startTime: START,
  endTime: START + 86_400n,
  lockWindow: 86_400,
  maxPerWallet: 4,
  cancelled: false,
  tiers: [tier],
} as unknown as EventView;
const view: WaitlistView = {
  waitlist: "0x0000000000000000000000000000000000000003",
  length: 2,
  position: 0,
  owed: 0n,
  balance: 0,
  currency: "0x0000000000000000000000000000000000000000",
};

describe("waitlist blockers", () => {
  it("shows a waitlist only for sold-out transferable tiers on a chain that has one", () => {
    expect(hasWaitlist(tier, view)).toBe(true);
    expect(hasWaitlist({ ...tier, minted: 1 }, view)).toBe(false);
    expect(hasWaitlist({ ...tier, mode: 2 }, view)).toBe(false);
    expect(hasWaitlist(tier, { waitlist: null })).toBe(false);
  });

  it("lets a wallet join a sold-out tier before the lock window, once, under the wallet cap", () => {
    expect(joinBlocker(event, tier, view, NOW)).toBeNull();
    expect(joinBlocker(event, tier, { ...view, position: 1 }, NOW)).toMatch(/already on this waitlist/);
    expect(joinBlocker(event, tier, { ...view, balance: 4 }, NOW)).toMatch(/limit of 4 tickets/);
    expect(joinBlocker({ ...event, maxPerWallet: 0 }, tier, { ...view, balance: 40 }, NOW)).toBeNull();
    expect(joinBlocker(event, tier, view, START - 86_400n)).toMatch(/no longer change hands/);
    expect(joinBlocker({ ...event, cancelled: true }, tier, view, NOW)).toMatch(/cancelled/);
    expect(joinBlocker(event, { ...tier, minted: 1 }, view, NOW)).toMatch(/not sold out/);
    expect(joinBlocker(event, { ...tier, mode: 2 }, view, NOW)).toMatch(/non-transferable/);
  });

  it("lets a holder return a ticket only when someone waits and the ticket can still move", () => {
    const t = { checkedIn: false, event, tier, saleBlock: "None" as const, paid: true };
    expect(returnBlocker(t, view, NOW)).toBeNull();
    expect(returnBlocker(t, { ...view, length: 0 }, NOW)).toMatch(/Nobody is waiting/);
    expect(returnBlocker({ ...t, checkedIn: true }, view, NOW)).toMatch(/used at the gate/);
    expect(returnBlocker({ ...t, event: { ...event, cancelled: true } }, view, NOW)).toMatch(/refund/);
    expect(returnBlocker({ ...t, tier: { ...tier, mode: 2 } }, view, NOW)).toMatch(/non-transferable/);
    expect(returnBlocker(t, view, START)).toMatch(/no longer change hands/);
    expect(returnBlocker(t, { ...view, waitlist: null }, NOW)).toMatch(/no waitlist/);
  });

  it("refuses what the ticket's sale rule refuses, in words, before the wallet opens", () => {
    const t = { checkedIn: false, event, tier, saleBlock: "NotRefundable" as const, paid: false };
    expect(returnBlocker(t, view, NOW)).toBe(
      "Complimentary tickets can be passed on for free, not returned to the waitlist (whoever takes it would pay for a ticket with no refund right): send it instead.",
    );
    expect(returnBlocker({ ...t, paid: true }, view, NOW)).toMatch(
      /^A recovered ticket's refund right stayed with the wallet it was recovered from/,
    );
    expect(returnBlocker({ ...t, saleBlock: "BindingClosed" }, view, NOW)).toMatch(
      /real-name deadline .* the door would refuse it/,
    );
    expect(returnBlocker({ ...t, saleBlock: "Named" }, view, NOW)).toMatch(/carries its buyer's identity/);
  });

  it("pays face value, or the resale cap when it is lower", () => {
    expect(returnPayout({ tier, maxResalePrice: tier.faceValue * 2n })).toBe(tier.faceValue);
    expect(returnPayout({ tier, maxResalePrice: parseEther("0.08") })).toBe(parseEther("0.08"));
  });
});
