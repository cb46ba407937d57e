import { describe, expect, it } from "vitest";
import type { Listing, TicketDetail } from "../../lib/indexer-client/schemas";
import { openListings } from "./open-listings";
import { ticketHistory } from "./ticket-history";

const C = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ZERO = "0x0000000000000000000000000000000000000000";
const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

function detail(over: Partial<TicketDetail["ticket"]> = {}, provenance: TicketDetail["provenance"] = []): TicketDetail {
  return {
    ticket: {
      contract: C,
      tokenId: "1",
      owner: B,
      eventName: "E",
      startTime: "2000000000",
      endTime: null,
      mintedBlock: 10,
      updatedBlock: 20,
      updatedLogIndex: 0,
      tier: 0,
      zones: 1,
      transferMode: "free",
      faceValue: "1",
      maxResalePrice: "2",
      paid: false,
      identityBound: false,
      checkedIn: false,
      checkedInAt: null,
      checkedInOnChain: false,
      checkedInBlock: null,
      refunded: false,
      eventCancelled: false,
      channel: 0,
      bound: false,
      bindingDeadline: null,
      ...over,
    },
    provenance,
    listing: null,
  };
}

function listing(over: Partial<Listing>): Listing {
  return {
    contract: C,
    tokenId: "1",
    seller: A,
    price: "100",
    tier: 0,
    maxResalePrice: "200",
    blockNumber: 15,
    txHash: tx(15),
    status: "open",
    stale: false,
    ...over,
  };
}

describe("ticketHistory", () => {
  it("orders mint, listing, sale and on-chain check-in by block, the listing before the sale in its block", () => {
    const h = ticketHistory(
      detail({ checkedInOnChain: true, checkedIn: true, checkedInBlock: 30 }, [
        { blockNumber: 10, logIndex: 2, from: ZERO, to: A, txHash: tx(10), kind: "mint", price: null },
        { blockNumber: 20, logIndex: 1, from: A, to: B, txHash: tx(20), kind: "sale", price: "100" },
      ]),
      [
        listing({ blockNumber: 20, status: "sold" }),
        listing({ blockNumber: 12, price: "150", status: "replaced", txHash: tx(12) }),
      ],
    );
    expect(h.map((e) => [e.kind, e.blockNumber, e.price ?? null])).toEqual([
      ["minted", 10, null],
      ["listed", 12, 150n],
      ["listed", 20, 100n],
      ["sold", 20, 100n],
      ["checked-in", 30, null],
    ]);
    expect(h[0]).toMatchObject({ to: A });
    expect(h[0]!.from).toBeUndefined();
    expect(new Set(h.map((e) => e.key)).size).toBe(h.length);
  });

  it("puts what has no block last: a gate admission not yet on chain (with its time), then a refund", () => {
    const h = ticketHistory(
      detail({ checkedIn: true, checkedInAt: "2026-12-07T20:00:00.000Z", refunded: true }, [
        { blockNumber: 10, logIndex: 0, from: ZERO, to: B, txHash: tx(10), kind: "mint", price: null },
      ]),
      [],
    );
    expect(h.map((e) => [e.kind, e.blockNumber, e.at])).toEqual([
      ["minted", 10, null],
      ["admitted", null, "2026-12-07T20:00:00.000Z"],
      ["refunded", null, null],
    ]);
  });

  it("names recovery and waitlist returns", () => {
    const h = ticketHistory(
      detail({}, [
        { blockNumber: 10, logIndex: 0, from: A, to: B, txHash: tx(10), kind: "recovery", price: null },
        { blockNumber: 11, logIndex: 0, from: B, to: A, txHash: tx(11), kind: "waitlist", price: "5" },
      ]),
      [],
    );
    expect(h.map((e) => e.kind)).toEqual(["recovered", "returned"]);
  });
});

describe("openListings", () => {
  it("keeps open, not stale listings, cheapest first, as bigints", () => {
    const out = openListings([
      listing({ tokenId: "3", price: "300" }),
      listing({ tokenId: "2", price: "100", tier: null }),
      listing({ tokenId: "4", price: "50", stale: true }),
      listing({ tokenId: "5", price: "10", status: "sold" }),
    ]);
    expect(out).toEqual([
      { tokenId: 2n, seller: A, price: 100n, tier: null },
      { tokenId: 3n, seller: A, price: 300n, tier: 0 },
    ]);
  });
});
