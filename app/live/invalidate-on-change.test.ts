import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateIndexerViews, invalidateOnChange } from "./invalidate-on-change";

const A = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const B = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

function seeded() {
  const client = new QueryClient();
  const keys = [
    ["tickets", "http://i", "0xabc"],
    ["events", "http://i"],
    ["chain", 31337, "event", A],
    ["chain", 31337, "ticket", B, "1"],
    ["chain", 31337, "my-events"],
    ["health", "http://i"],
    ["indexer", "http://i", "ticket-history", B, "1"],
    ["check", `${B}/1`],
  ];
  for (const key of keys) client.setQueryData(key, 1);
  const stale = () =>
    keys
      .filter((k) => client.getQueryState(k)?.isInvalidated)
      .map((k) => k.slice(0, 1).concat(k.slice(2, 4)).join(" "));
  return { client, stale };
}

describe("invalidateOnChange", () => {
  it("refreshes ticket and event lists, and chain views of the contracts that changed", async () => {
    const { client, stale } = seeded();
    await invalidateOnChange(client, { contracts: [A.toLowerCase()], rollback: false });
    expect(stale()).toEqual([
      "tickets 0xabc",
      "events",
      `chain event ${A}`,
      "chain my-events",
      `indexer ticket-history ${B}`,
      "check",
    ]);
  });

  it("refreshes every chain view after a rollback, never the health footer", async () => {
    const { client, stale } = seeded();
    await invalidateOnChange(client, { contracts: [], rollback: true });
    expect(stale()).toEqual([
      "tickets 0xabc",
      "events",
      `chain event ${A}`,
      `chain ticket ${B}`,
      "chain my-events",
      `indexer ticket-history ${B}`,
      "check",
    ]);
  });

  it("on the stream's first connect, and on a gate admission, refreshes only indexer views (the public check included): chain views were just read, and cost RPC calls", async () => {
    const { client, stale } = seeded();
    await invalidateIndexerViews(client);
    expect(stale()).toEqual(["tickets 0xabc", "events", `indexer ticket-history ${B}`, "check"]);
  });
});
