import { describe, expect, it } from "vitest";
import { summariseActivity } from "./summarise-activity";

const empty = { blocks: [], minted: 0, refunded: 0, attended: 0, sold: 0, revenue: "0", capacity: 0 };

describe("summariseActivity", () => {
  it("builds the dashboard's headline, sales and attendance from one set of counts", () => {
    const d = summariseActivity({
      blocks: [
        { blockNumber: 40, sold: 4 },
        { blockNumber: 12, sold: 2 },
        { blockNumber: 13, sold: 1 },
      ],
      minted: 9,
      refunded: 0,
      attended: 3,
      sold: 7,
      revenue: "350000000000000000",
      capacity: 150,
    });
    expect(d.salesByBlock).toEqual([
      { block: 12, sold: 2, total: 2 },
      { block: 13, sold: 1, total: 3 },
      { block: 40, sold: 4, total: 7 },
    ]);
    expect(d.headline).toEqual({
      sold: 7,
      revenue: 350_000_000_000_000_000n,
      out: 9,
      capacity: 150,
      percentOfCapacity: 6,
      checkedIn: 3,
    });
    expect(d.attendance).toEqual([
      { name: "Checked in", value: 3 },
      { name: "Not yet / no-show", value: 6 },
    ]);
    // The figures agree: the sales total is the headline's sold, the pie sums to the tickets out.
    expect(d.salesByBlock.at(-1)!.total).toBe(d.headline.sold);
    expect(d.attendance[0]!.value + d.attendance[1]!.value).toBe(d.headline.out);
  });

  it("counts a gate admission the chain has not seen yet as checked in (as the no-shows do)", () => {
    // One ticket admitted at the gate, the batcher not yet through: attended 1 while 0 are on chain.
    const d = summariseActivity({ ...empty, minted: 2, attended: 1, sold: 2, revenue: "2", capacity: 10 });
    expect(d.headline.checkedIn).toBe(1);
    expect(d.attendance[0]).toEqual({ name: "Checked in", value: 1 });
  });

  it("leaves refunded tickets out of the tickets out and the pie", () => {
    const d = summariseActivity({ ...empty, minted: 5, refunded: 2, sold: 5, revenue: "5", capacity: 5 });
    expect(d.headline).toMatchObject({ out: 3, percentOfCapacity: 60, checkedIn: 0 });
    expect(d.attendance[1]!.value).toBe(3);
  });

  it("is empty, not broken, for a new event", () => {
    const d = summariseActivity(empty);
    expect(d.salesByBlock).toEqual([]);
    expect(d.headline.percentOfCapacity).toBe(0);
    expect(d.attendance[1]!.value).toBe(0);
  });
});
