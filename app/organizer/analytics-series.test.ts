import { describe, expect, it } from "vitest";
import { arrivalSeries, noShowRows, resaleHistogram } from "./analytics-series";

const C = "0x00000000000000000000000000000000000a11cE";

describe("analytics series for the dashboard", () => {
  it("pivots arrivals per gate per minute with safe keys and a running total", () => {
    const s = arrivalSeries({
      contract: C,
      bucketSeconds: 60,
      gates: ["door.1", "north"],
      buckets: [
        { start: "2026-01-01T19:00:00.000Z", gateId: "door.1", arrivals: 2 },
        { start: "2026-01-01T19:00:00.000Z", gateId: "north", arrivals: 1 },
        { start: "2026-01-01T19:02:00.000Z", gateId: "north", arrivals: 4 },
      ],
      total: 7,
    });
    const t0 = Date.UTC(2026, 0, 1, 19) / 1000;
    expect(s.gates).toEqual([
      { key: "g0", gateId: "door.1" },
      { key: "g1", gateId: "north" },
    ]);
    expect(s.rows).toEqual([
      { minute: t0, g0: 2, g1: 1 },
      { minute: t0 + 120, g0: 0, g1: 4 },
    ]);
    expect(s.curve).toEqual([
      { minute: t0, arrived: 3 },
      { minute: t0 + 120, arrived: 7 },
    ]);
  });

  it("lays resale buckets densely up to the cap and marks each tier's cap bucket", () => {
    const tier = (
      t: number,
      face: string,
      capBps: number,
      buckets: { fromBps: number; toBps: number; sales: number }[],
    ) => ({
      tier: t,
      faceValue: face,
      resaleCapBps: capBps,
      maxResalePrice: "0",
      sales: buckets.reduce((s, b) => s + b.sales, 0),
      minPrice: null,
      maxPrice: null,
      avgPrice: null,
      medianPrice: null,
      atCap: 0,
      aboveCap: 0,
      buckets,
    });
    const h = resaleHistogram({
      contract: C,
      bucketBps: 5_000,
      tiers: [
        tier(0, "100", 11_000, [
          { fromBps: 5_000, toBps: 10_000, sales: 3 },
          { fromBps: 10_000, toBps: 15_000, sales: 1 },
        ]),
        tier(1, "0", 0, []),
      ],
    });
    expect(h.rows).toEqual([
      { fromBps: 0, label: "0–50 %", t0: 0 },
      { fromBps: 5_000, label: "50–100 %", t0: 3 },
      { fromBps: 10_000, label: "100–150 %", t0: 1 },
    ]);
    expect(h.tiers).toEqual([{ key: "t0", tier: 0, capBps: 11_000, capLabel: "100–150 %", sales: 4 }]);
  });

  it("shows no-shows per tier, and a dash before the event starts", () => {
    const t = (tier: number, noShows: number | null, noShowRate: number | null) => ({
      tier,
      supply: 10,
      minted: 8,
      refunded: 1,
      attended: 5,
      noShows,
      noShowRate,
    });
    expect(
      noShowRows({ contract: C, started: true, cancelled: false, tiers: [t(0, 2, 0.2857)], total: t(0, 2, 0.2857) }),
    ).toEqual([{ tier: "Tier 0", attended: 5, noShows: 2, refunded: 1, rate: "28.6 %" }]);
    expect(
      noShowRows({
        contract: C,
        started: false,
        cancelled: false,
        tiers: [t(1, null, null)],
        total: t(1, null, null),
      })[0]!.rate,
    ).toBe("–");
  });
});
