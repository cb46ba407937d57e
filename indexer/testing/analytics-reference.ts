/**
 * The analytics computed by hand, in plain TypeScript, from a generated event's model (never
 * from the database): what the SQL behind /analytics must agree with. Shapes match the API's
 * (lib/indexer-client/analytics-schemas.ts) so a test can compare with toEqual.
 */
import { getAddress } from "viem";
import type {
  ArrivalsResponse,
  GatesResponse,
  HoardingResponse,
  NoShowsResponse,
  ResalePricesResponse,
} from "../../lib/indexer-client/analytics-schemas";
import { ZERO, type GeneratedEvent } from "./analytics-event";

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => {
  const out = new Map<string, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
};
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000) * 60;
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
// Plain byte order, as the SQL's COLLATE "C".
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function expectedArrivals(
  ev: GeneratedEvent,
  o: { bucketSeconds: number; from?: Date; to?: Date; gate?: string },
): ArrivalsResponse {
  const picked = ev.checkIns.filter(
    (k) =>
      (!o.from || k.checkedInAt >= o.from) &&
      (!o.to || k.checkedInAt < o.to) &&
      (o.gate === undefined || k.gateId === o.gate),
  );
  const counts = countBy(
    picked,
    (k) => `${Math.floor(k.checkedInAt.getTime() / 1000 / o.bucketSeconds) * o.bucketSeconds}|${k.gateId}`,
  );
  const buckets = [...counts]
    .map(([key, arrivals]) => {
      const [start, gateId] = key.split("|") as [string, string];
      return { startSeconds: Number(start), gateId, arrivals };
    })
    .sort((a, b) => a.startSeconds - b.startSeconds || byText(a.gateId, b.gateId))
    .map((b) => ({ start: iso(b.startSeconds), gateId: b.gateId, arrivals: b.arrivals }));
  return {
    contract: getAddress(ev.contract),
    bucketSeconds: o.bucketSeconds,
    gates: [...new Set(picked.map((k) => k.gateId))].sort(),
    buckets,
    total: picked.length,
  };
}

const busiest = (perMinute: Map<number, number>) => {
  let best: { start: number; arrivals: number } | null = null;
  for (const [start, arrivals] of perMinute)
    if (!best || arrivals > best.arrivals || (arrivals === best.arrivals && start < best.start))
      best = { start, arrivals };
  return best && { start: iso(best.start), arrivals: best.arrivals };
};

export function expectedGates(ev: GeneratedEvent): GatesResponse {
  const gateIds = [...new Set(ev.checkIns.map((k) => k.gateId))].sort(byText);
  const perMinute = (ks: typeof ev.checkIns) => {
    const m = new Map<number, number>();
    for (const k of ks) m.set(minuteOf(k.checkedInAt), (m.get(minuteOf(k.checkedInAt)) ?? 0) + 1);
    return m;
  };
  return {
    contract: getAddress(ev.contract),
    gates: gateIds.map((gateId) => {
      const ks = ev.checkIns.filter((k) => k.gateId === gateId);
      const times = ks.map((k) => k.checkedInAt.getTime());
      const minutes = perMinute(ks);
      return {
        gateId,
        admitted: ks.length,
        firstAt: new Date(Math.min(...times)).toISOString(),
        lastAt: new Date(Math.max(...times)).toISOString(),
        activeMinutes: minutes.size,
        perActiveMinute: round(ks.length / minutes.size, 2),
        busiestMinute: busiest(minutes)!,
      };
    }),
    busiestMinute: busiest(perMinute(ev.checkIns)),
    total: ev.checkIns.length,
  };
}

export function expectedNoShows(ev: GeneratedEvent, now: Date): NoShowsResponse {
  const started = now.getTime() / 1000 >= ev.startTime;
  const admitted = new Set(ev.checkIns.map((k) => k.tokenId));
  const row = (ts: typeof ev.tickets, supply: number) => {
    const refunded = ts.filter((t) => t.refundedBlock !== null).length;
    const attended = ts.filter(
      (t) => t.refundedBlock === null && (t.checkedInBlock !== null || admitted.has(t.tokenId)),
    ).length;
    const noShows = ts.length - refunded - attended;
    const counted = ts.length - refunded;
    return {
      supply,
      minted: ts.length,
      refunded,
      attended,
      noShows: started ? noShows : null,
      noShowRate: started && counted > 0 ? round(noShows / counted, 4) : null,
    };
  };
  return {
    contract: getAddress(ev.contract),
    started,
    cancelled: ev.cancelled,
    tiers: ev.tiers.map((t) => ({
      tier: t.tier,
      ...row(
        ev.tickets.filter((k) => k.tier === t.tier),
        t.supply,
      ),
    })),
    total: row(
      ev.tickets,
      ev.tiers.reduce((s, t) => s + t.supply, 0),
    ),
  };
}

export function expectedResalePrices(ev: GeneratedEvent, bucketBps: number): ResalePricesResponse {
  const tierOf = new Map(ev.tickets.map((t) => [t.tokenId, t.tier]));
  return {
    contract: getAddress(ev.contract),
    bucketBps,
    tiers: ev.tiers.map((tier) => {
      const cap = (tier.faceValue * BigInt(tier.resaleCapBps)) / 10_000n;
      const prices = ev.sales.filter((s) => tierOf.get(s.tokenId) === tier.tier).map((s) => s.price);
      const sorted = [...prices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const n = BigInt(sorted.length);
      const sum = sorted.reduce((a, b) => a + b, 0n);
      // Mean rounded half away from zero, like PostgreSQL's round(numeric).
      const mean = n === 0n ? null : (2n * sum + n) / (2n * n);
      const buckets = new Map<number, number>();
      if (tier.faceValue > 0n) {
        for (const p of prices) {
          // floor(p × 10,000 / face / bucketBps) with exact rationals.
          const b = Number((p * 10_000n) / (tier.faceValue * BigInt(bucketBps)));
          buckets.set(b, (buckets.get(b) ?? 0) + 1);
        }
      }
      return {
        tier: tier.tier,
        faceValue: tier.faceValue.toString(),
        resaleCapBps: tier.resaleCapBps,
        maxResalePrice: cap.toString(),
        sales: sorted.length,
        minPrice: sorted[0]?.toString() ?? null,
        maxPrice: sorted.at(-1)?.toString() ?? null,
        avgPrice: mean?.toString() ?? null,
        medianPrice: sorted.length === 0 ? null : sorted[Math.ceil(sorted.length / 2) - 1]!.toString(),
        atCap: prices.filter((p) => p === cap).length,
        aboveCap: prices.filter((p) => p > cap).length,
        buckets: [...buckets]
          .sort((a, b) => a[0] - b[0])
          .map(([b, sales]) => ({ fromBps: b * bucketBps, toBps: (b + 1) * bucketBps, sales })),
      };
    }),
  };
}

export function expectedHoarding(
  ev: GeneratedEvent,
  o: { over: number; minSources: number; windowBlocks: number; limit: number },
): HoardingResponse {
  const live = ev.tickets.filter((t) => t.refundedBlock === null && t.owner !== ZERO);
  const wallets = [...new Set(live.map((t) => t.owner))]
    .map((w) => {
      const ts = live.filter((t) => t.owner === w);
      return {
        wallet: w,
        tickets: ts.length,
        tiers: new Set(ts.map((t) => t.tier)).size,
        identityBound: ts.filter((t) => t.identityCommitment !== null).length,
      };
    })
    .filter((w) => w.tickets > o.over)
    .sort((a, b) => b.tickets - a.tickets || byText(a.wallet, b.wallet))
    .slice(0, o.limit)
    .map((w) => ({ ...w, wallet: getAddress(w.wallet) }));
  const identities = [...new Set(live.flatMap((t) => (t.identityCommitment ? [t.identityCommitment] : [])))]
    .map((id) => {
      const ts = live.filter((t) => t.identityCommitment === id);
      return { identityCommitment: id, tickets: ts.length, wallets: new Set(ts.map((t) => t.owner)).size };
    })
    .filter((i) => i.tickets > o.over)
    .sort((a, b) => b.tickets - a.tickets || byText(a.identityCommitment, b.identityCommitment))
    .slice(0, o.limit);

  // Who each ticket was issued to, and when; then every later move out of that wallet in the window.
  const issued = new Map(ev.transfers.filter((t) => t.kind === "mint").map((t) => [t.tokenId, t]));
  const byCollector = new Map<
    string,
    { sources: Set<string>; tickets: Set<bigint>; viaSale: Set<bigint>; blocks: number[] }
  >();
  for (const x of ev.transfers) {
    if (x.kind === "mint" || x.to === x.from || x.to === ZERO) continue;
    const mint = issued.get(x.tokenId);
    if (!mint || mint.to !== x.from || x.blockNumber - mint.blockNumber > o.windowBlocks) continue;
    const c = byCollector.get(x.to) ?? { sources: new Set(), tickets: new Set(), viaSale: new Set(), blocks: [] };
    c.sources.add(x.from);
    c.tickets.add(x.tokenId);
    if (x.kind === "sale") c.viaSale.add(x.tokenId);
    c.blocks.push(x.blockNumber);
    byCollector.set(x.to, c);
  }
  const funnels = [...byCollector]
    .filter(([, c]) => c.sources.size >= o.minSources)
    .map(([collector, c]) => ({
      collector,
      sources: c.sources.size,
      tickets: c.tickets.size,
      viaSale: c.viaSale.size,
      firstBlock: Math.min(...c.blocks),
      lastBlock: Math.max(...c.blocks),
      heldNow: live.filter((t) => t.owner === collector).length,
    }))
    .sort((a, b) => b.sources - a.sources || byText(a.collector, b.collector))
    .slice(0, o.limit)
    .map((f) => ({ ...f, collector: getAddress(f.collector) }));

  return {
    contract: getAddress(ev.contract),
    over: o.over,
    minSources: o.minSources,
    windowBlocks: o.windowBlocks,
    wallets,
    identities,
    funnels,
  };
}
