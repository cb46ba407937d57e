import type { PrimarySalesResponse } from "../../lib/indexer-client/analytics-schemas";

export type Headline = {
  /** Tickets bought at face value. */
  sold: number;
  /** What those sales paid, in the currency's smallest unit. */
  revenue: bigint;
  /** Tickets out: minted and not refunded (sold and given). */
  out: number;
  capacity: number;
  /** `out` as a whole percentage of capacity (0 with no capacity). */
  percentOfCapacity: number;
  /** Used at a gate or on chain (lib/ticket-status's `used`), as the no-shows count attendance. */
  checkedIn: number;
};

export type DashboardData = {
  headline: Headline;
  /** Face-value sales per block, with the running total. */
  salesByBlock: { block: number; sold: number; total: number }[];
  /** The headline's checked in vs the rest of the tickets out: the same two numbers, drawn. */
  attendance: { name: "Checked in" | "Not yet / no-show"; value: number }[];
};

/**
 * Turns the indexer's primary-sales answer into every figure the dashboard opens on: headline numbers,
 * the sales series (running total per block; the mirror keeps block numbers, not times) and the
 * attendance pie, all from the one set of counts, so they agree. Gate, resale and hoarding series come
 * from the other analytics (app/organizer/analytics-series.ts).
 */
export function summariseActivity(
  a: Pick<PrimarySalesResponse, "blocks" | "minted" | "refunded" | "attended" | "sold" | "revenue" | "capacity">,
): DashboardData {
  let total = 0;
  const out = Math.max(0, a.minted - a.refunded);
  const checkedIn = Math.min(a.attended, out);
  return {
    headline: {
      sold: a.sold,
      revenue: BigInt(a.revenue),
      out,
      capacity: a.capacity,
      percentOfCapacity: a.capacity > 0 ? Math.round((out / a.capacity) * 100) : 0,
      checkedIn,
    },
    salesByBlock: [...a.blocks]
      .sort((x, y) => x.blockNumber - y.blockNumber)
      .map((b) => ({ block: b.blockNumber, sold: b.sold, total: (total += b.sold) })),
    attendance: [
      { name: "Checked in", value: checkedIn },
      { name: "Not yet / no-show", value: out - checkedIn },
    ],
  };
}
