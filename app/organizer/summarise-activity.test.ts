import { describe, expect, it } from "vitest";
import { summariseActivity } from "./summarise-activity";

describe("summariseActivity", () => {
  it("builds the dashboard's sales and attendance series from the indexer's primary sales", () => {
    const d = summariseActivity({
      blocks: [
        { blockNumber: 40, sold: 4 },
        { blockNumber: 12, sold: 2 },
        { blockNumber: 13, sold: 1 },
      ],
      minted: 9,
      checkedInOnChain: 3,
    });
    expect(d.salesByBlock).toEqual([
      { block: 12, sold: 2, total: 2 },
      { block: 13, sold: 1, total: 3 },
      { block: 40, sold: 4, total: 7 },
    ]);
    expect(d.attendance).toEqual([
      { name: "Checked in", value: 3 },
      { name: "Not yet / no-show", value: 6 },
    ]);
  });

  it("is empty, not broken, for a new event", () => {
    const d = summariseActivity({ blocks: [], minted: 0, checkedInOnChain: 0 });
    expect(d.salesByBlock).toEqual([]);
    expect(d.attendance[1]!.value).toBe(0);
  });
});
