/**
 * A generated venue for tests, benchmarks and the demo: `sections` wedges around a stage at the
 * origin, `rows` rows each, seats along arcs (more seats in rows further back), tiers by distance
 * (front third tier 0, …). Deterministic: the same arguments give the same layout.
 */
import type { VenueLayoutInput } from "./venue-layout";

export function generateVenue(o: {
  name?: string;
  sections: number;
  rows: number;
  seatsPerRow: number;
  tiers?: number;
}): VenueLayoutInput {
  const tiers = o.tiers ?? 3;
  const sections: VenueLayoutInput["sections"] = [];
  const wedge = (Math.PI * 1.5) / o.sections; // three quarters of a circle: the stage takes the rest
  for (let s = 0; s < o.sections; s++) {
    const rows = [];
    for (let r = 0; r < o.rows; r++) {
      const radius = 20 + r * 1.2;
      const n = o.seatsPerRow + Math.floor(r / 4);
      const seats = [];
      for (let k = 0; k < n; k++) {
        const angle = Math.PI * 0.25 + s * wedge + ((k + 0.5) / n) * wedge * 0.92;
        seats.push({
          number: k + 1,
          x: Math.round(radius * Math.cos(angle) * 100) / 100,
          y: Math.round(radius * Math.sin(angle) * 100) / 100,
          accessible: r === 0 && (k === 0 || k === n - 1),
        });
      }
      rows.push({ id: String(r + 1), seats });
    }
    sections.push({ id: `S${s + 1}`, tier: Math.min(tiers - 1, Math.floor((s * tiers) / o.sections)), rows });
  }
  return { name: o.name ?? "Generated arena", stage: { x: 0, y: 0 }, sections };
}
