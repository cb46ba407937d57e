import { describe, expect, it } from "vitest";
import { summariseActivity } from "./summarise-activity";

describe("summariseActivity", () => {
  it("builds every dashboard series from raw activity", () => {
    const d = summariseActivity(
      {
        purchases: [{ t: 60, count: 2 }, { t: 100, count: 1 }, { t: 200, count: 4 }],
        resales: [{ t: 300, price: 0.06, tokenId: "1" }],
        checkIns: [{ t: 600, gate: "0xA" }, { t: 610, gate: "0xB" }, { t: 700, gate: "0xA" }],
        holders: ["0x1", "0x2", "0x2", "0x2", "0x3", "0x3"],
        totalTickets: 6,
      },
      2,
    );
    expect(d.salesOverTime).toEqual([
      { minute: 60, sold: 3, total: 3 },
      { minute: 180, sold: 4, total: 7 },
    ]);
    expect(d.gates).toEqual(["0xA", "0xB"]);
    expect(d.scansPerGate).toEqual([
      { minute: 600, "0xA": 1, "0xB": 1 },
      { minute: 660, "0xA": 1, "0xB": 0 },
    ]);
    expect(d.arrivals).toEqual([
      { minute: 600, arrived: 2 },
      { minute: 660, arrived: 3 },
    ]);
    expect(d.attendance).toEqual([
      { name: "Checked in", value: 3 },
      { name: "Not yet / no-show", value: 3 },
    ]);
    expect(d.heavyHolders).toEqual([{ wallet: "0x2", tickets: 3 }]);
  });

  it("is empty, not broken, for a new event", () => {
    const d = summariseActivity({ purchases: [], resales: [], checkIns: [], holders: [], totalTickets: 0 }, 4);
    expect(d.salesOverTime).toEqual([]);
    expect(d.attendance[1]!.value).toBe(0);
  });
});
