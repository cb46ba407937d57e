/**
 * Indexer analytics responses (lib/indexer-client) → the rows the dashboard's recharts charts
 * draw. Gate ids and tiers become `g0…`/`t0…` keys: recharts reads a `.` in a dataKey as a path.
 */
import type { ArrivalsResponse, NoShowsResponse, ResalePricesResponse } from "../../lib/indexer-client";

export type ArrivalSeries = {
  /** One row per minute with arrivals: `minute` (unix seconds) and a count per gate key. */
  rows: ({ minute: number } & Record<string, number>)[];
  gates: { key: string; gateId: string }[];
  /** Admitted so far, per minute. */
  curve: { minute: number; arrived: number }[];
};

export function arrivalSeries(r: ArrivalsResponse): ArrivalSeries {
  const gates = r.gates.map((gateId, i) => ({ key: `g${i}`, gateId }));
  const keyOf = new Map(gates.map((g) => [g.gateId, g.key]));
  const byStart = new Map<number, Record<string, number>>();
  for (const b of r.buckets) {
    const minute = Date.parse(b.start) / 1000;
    const row = byStart.get(minute) ?? Object.fromEntries(gates.map((g) => [g.key, 0]));
    row[keyOf.get(b.gateId)!] = (row[keyOf.get(b.gateId)!] ?? 0) + b.arrivals;
    byStart.set(minute, row);
  }
  const rows: ArrivalSeries["rows"] = [...byStart]
    .sort(([a], [b]) => a - b)
    .map(([minute, row]) => ({ ...row, minute }));
  let arrived = 0;
  const curve = rows.map((row) => ({
    minute: row.minute,
    arrived: (arrived += gates.reduce((s, g) => s + (row[g.key] ?? 0), 0)),
  }));
  return { rows, gates, curve };
}

export type ResaleHistogram = {
  /** Dense buckets from 0 up to the highest cap or price: `label` ("90–100 %") and a count per tier key. */
  rows: ({ fromBps: number; label: string } & Record<string, number | string>)[];
  tiers: { key: string; tier: number; capBps: number; capLabel: string; sales: number }[];
};

const percent = (bps: number) => `${+(bps / 100).toFixed(2)}`;

export function resaleHistogram(r: ResalePricesResponse): ResaleHistogram {
  const withFace = r.tiers.filter((t) => t.faceValue !== "0");
  const tiers = withFace.map((t) => ({
    key: `t${t.tier}`,
    tier: t.tier,
    capBps: t.resaleCapBps,
    capLabel: "",
    sales: t.sales,
  }));
  const top = Math.max(
    0,
    ...withFace.map((t) => t.resaleCapBps),
    ...withFace.flatMap((t) => t.buckets.map((b) => b.fromBps)),
  );
  const rows: ResaleHistogram["rows"] = [];
  for (let from = 0; from <= top; from += r.bucketBps) {
    rows.push({
      fromBps: from,
      label: `${percent(from)}–${percent(from + r.bucketBps)} %`,
      ...Object.fromEntries(tiers.map((t) => [t.key, 0])),
    });
  }
  for (const t of withFace) for (const b of t.buckets) rows[b.fromBps / r.bucketBps]![`t${t.tier}`] = b.sales;
  // The cap falls in the bucket that starts at or below it: that is where its reference line goes.
  for (const t of tiers) t.capLabel = rows[Math.floor(t.capBps / r.bucketBps)]?.label ?? "";
  return { rows, tiers };
}

export type NoShowRow = { tier: string; attended: number; noShows: number; refunded: number; rate: string };

export function noShowRows(r: NoShowsResponse): NoShowRow[] {
  return r.tiers.map((t) => ({
    tier: `Tier ${t.tier}`,
    attended: t.attended,
    noShows: t.noShows ?? 0,
    refunded: t.refunded,
    rate: t.noShowRate === null ? "–" : `${(t.noShowRate * 100).toFixed(1)} %`,
  }));
}
