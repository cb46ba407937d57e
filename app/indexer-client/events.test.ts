import { describe, expect, it } from "vitest";
import { parseEventsResponse } from "./events";

const A = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const O = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

describe("parseEventsResponse", () => {
  it("reads the indexer's /events answer and drops unreadable entries", () => {
    const body = { events: [{ address: A, eventId: "0", organizer: O, name: "Gig", startTime: "1790000000", createdBlock: 2, ticketCount: 4 }, { name: "no address" }] };
    expect(parseEventsResponse(body, "u")).toEqual({
      events: [{ address: A, name: "Gig", organizer: O, startTime: "1790000000", ticketCount: 4 }],
      skipped: 1,
    });
  });
  it("refuses a body without an event list", () => {
    expect(() => parseEventsResponse({ nope: 1 }, "u")).toThrow(/unexpected shape/);
  });
});
