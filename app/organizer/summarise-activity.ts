/** Raw facts from the chain (or the indexer), each with a unix timestamp in seconds. */
export type Activity = {
  purchases: { t: number; count: number }[];
  resales: { t: number; price: number; tokenId: string }[];
  checkIns: { t: number; gate: string }[];
  /** Current holder of every ticket. */
  holders: string[];
  totalTickets: number;
};

export type DashboardData = {
  salesOverTime: { minute: number; sold: number; total: number }[];
  resalePrices: { t: number; price: number }[];
  scansPerGate: { minute: number; [gate: string]: number }[];
  gates: string[];
  arrivals: { minute: number; arrived: number }[];
  attendance: { name: "Checked in" | "Not yet / no-show"; value: number }[];
  /** Wallets holding more than `threshold` tickets, most first. */
  heavyHolders: { wallet: string; tickets: number }[];
};

const minuteOf = (t: number) => Math.floor(t / 60) * 60;

/**
 * Turns raw activity into the dashboard's series: sales per minute (and running total), resale
 * prices, scans per gate per minute, the arrival curve, checked-in vs not, and wallets holding
 * unusually many tickets (more than `threshold`).
 */
export function summariseActivity(a: Activity, threshold: number): DashboardData {
  const sales = new Map<number, number>();
  for (const p of a.purchases) sales.set(minuteOf(p.t), (sales.get(minuteOf(p.t)) ?? 0) + p.count);
  let total = 0;
  const salesOverTime = [...sales.entries()].sort(([x], [y]) => x - y).map(([minute, sold]) => ({ minute, sold, total: (total += sold) }));

  const gates = [...new Set(a.checkIns.map((c) => c.gate))].sort();
  const perMinute = new Map<number, Record<string, number>>();
  for (const c of a.checkIns) {
    const row = perMinute.get(minuteOf(c.t)) ?? Object.fromEntries(gates.map((g) => [g, 0]));
    row[c.gate] = (row[c.gate] ?? 0) + 1;
    perMinute.set(minuteOf(c.t), row);
  }
  const scansPerGate: DashboardData["scansPerGate"] = [...perMinute.entries()].sort(([x], [y]) => x - y).map(([minute, row]) => ({ ...row, minute }));
  let arrived = 0;
  const arrivals = scansPerGate.map((row) => ({ minute: row.minute, arrived: (arrived += gates.reduce((sum, g) => sum + (row[g] ?? 0), 0)) }));

  const counts = new Map<string, number>();
  for (const h of a.holders) counts.set(h, (counts.get(h) ?? 0) + 1);
  const heavyHolders = [...counts.entries()]
    .filter(([, n]) => n > threshold)
    .sort((x, y) => y[1] - x[1])
    .map(([wallet, tickets]) => ({ wallet, tickets }));

  return {
    salesOverTime,
    resalePrices: a.resales.map((r) => ({ t: r.t, price: r.price })),
    scansPerGate,
    gates,
    arrivals,
    attendance: [
      { name: "Checked in", value: a.checkIns.length },
      { name: "Not yet / no-show", value: Math.max(0, a.totalTickets - a.checkIns.length) },
    ],
    heavyHolders,
  };
}
