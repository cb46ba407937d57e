import { describe, expect, it } from "vitest";
import { summariseActivity } from "./summarise-activity";

describe("summariseActivity", () => {
  it("builds the chain-side dashboard series from raw activity", () => {
    const d = summariseActivity({
      purchases: [{ t: 60, count: 2 }, { t: 100, count: 1 }, { t: 200, count: 4 }],
      checkIns: [{ t: 600 }, { t: 610 }, { t: 700 }],
      totalTickets: 6,
    });
    expect(d.salesOverTime).toEqual([
      { minute: 60, sold: 3, total: 3 },
      { minute: 180, sold: 4, total: 7 },
    ]);
    expect(d.attendance).toEqual([
      { name: "Checked in", value: 3 },
      { name: "Not yet / no-show", value: 3 },
    ]);
  });

  it("is empty, not broken, for a new event", () => {
    const d = summariseActivity({ purchases: [], checkIns: [], totalTickets: 0 });
    expect(d.salesOverTime).toEqual([]);
    expect(d.attendance[1]!.value).toBe(0);
  });
});
