/** Raw facts from the chain, each with a unix timestamp in seconds. */
export type Activity = {
  purchases: { t: number; count: number }[];
  checkIns: { t: number }[];
  totalTickets: number;
};

export type DashboardData = {
  salesOverTime: { minute: number; sold: number; total: number }[];
  attendance: { name: "Checked in" | "Not yet / no-show"; value: number }[];
};

const minuteOf = (t: number) => Math.floor(t / 60) * 60;

/**
 * Turns the chain's raw activity into the dashboard's chain-side series: primary sales per minute
 * (and running total) and checked in on chain vs not. Gate, resale and hoarding series come from
 * the indexer's analytics (app/organizer/analytics-series.ts).
 */
export function summariseActivity(a: Activity): DashboardData {
  const sales = new Map<number, number>();
  for (const p of a.purchases) sales.set(minuteOf(p.t), (sales.get(minuteOf(p.t)) ?? 0) + p.count);
  let total = 0;
  const salesOverTime = [...sales.entries()].sort(([x], [y]) => x - y).map(([minute, sold]) => ({ minute, sold, total: (total += sold) }));
  return {
    salesOverTime,
    attendance: [
      { name: "Checked in", value: a.checkIns.length },
      { name: "Not yet / no-show", value: Math.max(0, a.totalTickets - a.checkIns.length) },
    ],
  };
}
