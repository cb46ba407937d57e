import type { PrimarySalesResponse } from "../../lib/indexer-client/analytics-schemas";

export type DashboardData = {
  /** Face-value sales per block, with the running total. */
  salesByBlock: { block: number; sold: number; total: number }[];
  attendance: { name: "Checked in" | "Not yet / no-show"; value: number }[];
};

/**
 * Turns the indexer's primary-sales answer into the dashboard's sales series (running total per
 * block; the mirror keeps block numbers, not times) and checked in on chain vs not. Gate, resale and
 * hoarding series come from the other analytics (app/organizer/analytics-series.ts).
 */
export function summariseActivity(
  a: Pick<PrimarySalesResponse, "blocks" | "minted" | "checkedInOnChain">,
): DashboardData {
  let total = 0;
  return {
    salesByBlock: [...a.blocks]
      .sort((x, y) => x.blockNumber - y.blockNumber)
      .map((b) => ({ block: b.blockNumber, sold: b.sold, total: (total += b.sold) })),
    attendance: [
      { name: "Checked in", value: a.checkedInOnChain },
      { name: "Not yet / no-show", value: Math.max(0, a.minted - a.checkedInOnChain) },
    ],
  };
}
