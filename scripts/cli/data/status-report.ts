/**
 * `fairgate status`: per tier and per zone, from one snapshot. No-shows count only once doors
 * have opened (chain time ≥ start): before that every ticket is simply "not yet arrived".
 */
import type { EventSnapshot } from "./event-snapshot";

export type StatusRow = {
  supply: number;
  minted: number;
  /** Primary sales at face value (buy or voucher claim). */
  sold: number;
  /** Minted by the organizer without payment. */
  complimentary: number;
  /** Resales through the official market (a ticket resold twice counts twice). */
  resold: number;
  checkedIn: number;
  refunded: number;
  /** Minted, not checked in, not refunded; null before doors open. */
  noShows: number | null;
};

export type StatusReport = {
  event: string;
  name: string;
  phase: "upcoming" | "live" | "ended" | "cancelled";
  atBlock: string;
  tiers: (StatusRow & { tier: number; zones: number })[];
  zones: (StatusRow & { zone: number })[];
  total: StatusRow;
};

export function statusReport(s: EventSnapshot): StatusReport {
  const started = s.now >= s.startTime;
  const phase = s.cancelled ? "cancelled" : s.now >= s.endTime ? "ended" : started ? "live" : "upcoming";
  const rowFor = (inTier: (tier: number) => boolean, supply: number): StatusRow => {
    const tickets = s.tickets.filter((t) => inTier(t.tier));
    const checkedIn = tickets.filter((t) => t.checkedIn).length;
    const refunded = tickets.filter((t) => t.refunded).length;
    const sold = s.sales.filter((x) => x.kind === "primary" && inTier(x.tier)).length;
    return {
      supply,
      minted: tickets.length,
      sold,
      complimentary: tickets.length - sold,
      resold: s.sales.filter((x) => x.kind === "resale" && inTier(x.tier)).length,
      checkedIn,
      refunded,
      noShows: started && !s.cancelled ? tickets.filter((t) => !t.checkedIn && !t.refunded).length : null,
    };
  };
  const tiers = s.tiers.map((t) => ({ tier: t.tier, zones: t.zones, ...rowFor((x) => x === t.tier, t.supply) }));
  const zoneBits = [...new Set(s.tiers.flatMap((t) => bits(t.zones)))].sort((a, b) => a - b);
  const zones = zoneBits.map((zone) => {
    const member = new Set(s.tiers.filter((t) => bits(t.zones).includes(zone)).map((t) => t.tier));
    return {
      zone,
      ...rowFor(
        (x) => member.has(x),
        s.tiers.filter((t) => member.has(t.tier)).reduce((n, t) => n + t.supply, 0),
      ),
    };
  });
  const total = rowFor(
    () => true,
    s.tiers.reduce((n, t) => n + t.supply, 0),
  );
  return { event: s.address, name: s.name, phase, atBlock: s.atBlock.toString(), tiers, zones, total };
}

function bits(mask: number): number[] {
  return Array.from({ length: 32 }, (_, i) => i).filter((i) => (mask >>> i) & 1);
}

/** A fixed-width table for terminals. */
export function formatStatus(r: StatusReport): string[] {
  const head = ["", "supply", "minted", "sold", "comp", "resold", "in", "refunded", "no-show"];
  const cells = (label: string, x: StatusRow) =>
    [label, x.supply, x.minted, x.sold, x.complimentary, x.resold, x.checkedIn, x.refunded, x.noShows ?? "-"].map(
      String,
    );
  const rows = [
    head,
    ...r.tiers.map((t) => cells(`tier ${t.tier}`, t)),
    ...r.zones.map((z) => cells(`zone ${z.zone}`, z)),
    cells("total", r.total),
  ];
  const widths = head.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return [
    `${r.name} (${r.event}), ${r.phase}, at block ${r.atBlock}`,
    ...rows.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")),
  ];
}
