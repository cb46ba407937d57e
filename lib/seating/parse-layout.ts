/**
 * Venue layouts from JSON or CSV, validated: shape (zod), then what a schema cannot say: no seat
 * twice (same section, row and number), no two sections or rows with one id, at most MAX_SEATS.
 * Every problem is reported at once, with where it is.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { VenueLayoutError, type LayoutProblem } from "./layout-error";
import {
  MAX_SEATS,
  seatKey,
  venueLayoutSchema,
  type SeatInfo,
  type VenueLayout,
  type VenueSeats,
} from "./venue-layout";

/** Validates a parsed JSON layout and flattens it into seat indexes. */
export function parseVenueLayout(input: unknown): VenueSeats {
  const parsed = venueLayoutSchema.safeParse(input);
  if (!parsed.success) {
    throw new VenueLayoutError(
      parsed.error.issues.slice(0, 50).map((i) => ({
        where:
          i.path
            .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
            .join("")
            .replace(/^\./, "") || "(root)",
        message: i.message,
      })),
    );
  }
  return flatten(parsed.data);
}

function flatten(layout: VenueLayout): VenueSeats {
  const problems: LayoutProblem[] = [];
  const seats: SeatInfo[] = [];
  const byKey = new Map<string, number>();
  const sectionIds = new Set<string>();
  const perTier = new Map<number, number>();
  layout.sections.forEach((section, si) => {
    if (sectionIds.has(section.id))
      problems.push({ where: `sections[${si}].id`, message: `section "${section.id}" appears twice` });
    sectionIds.add(section.id);
    const rowIds = new Set<string>();
    section.rows.forEach((row, ri) => {
      if (rowIds.has(row.id))
        problems.push({
          where: `sections[${si}].rows[${ri}].id`,
          message: `row "${row.id}" appears twice in section ${section.id}`,
        });
      rowIds.add(row.id);
      row.seats.forEach((seat, k) => {
        const key = seatKey(section.id, row.id, seat.number);
        if (byKey.has(key)) {
          problems.push({
            where: `sections[${si}].rows[${ri}].seats[${k}]`,
            message: `seat ${seat.number} of row ${row.id}, section ${section.id} appears twice`,
          });
          return;
        }
        if (seats.length >= MAX_SEATS) return;
        byKey.set(key, seats.length);
        const tierSeat = perTier.get(section.tier) ?? 0;
        perTier.set(section.tier, tierSeat + 1);
        seats.push({
          index: seats.length,
          section: section.id,
          row: row.id,
          number: seat.number,
          x: seat.x,
          y: seat.y,
          accessible: seat.accessible,
          tier: section.tier,
          tierSeat,
        });
      });
    });
  });
  const total = layout.sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.seats.length, 0), 0);
  if (total > MAX_SEATS) problems.push({ where: "(root)", message: `${total} seats; at most ${MAX_SEATS}` });
  if (problems.length) throw new VenueLayoutError(problems);
  return { layout, name: layout.name, stage: layout.stage, seats, byKey };
}

const CSV_COLUMNS = ["section", "row", "seat", "x", "y", "tier"] as const;

/**
 * A layout from CSV, one seat per line: `section,row,seat,x,y,tier[,accessible]` with a header
 * line naming those columns (any order; `accessible` is yes/no/true/false/1/0, default no).
 * Sections and rows are created in order of first appearance; a section's tier is its first seat's,
 * and a seat with another tier is reported.
 */
export function parseVenueCsv(name: string, text: string, stage = { x: 0, y: 0 }): VenueSeats {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (err) {
    throw new VenueLayoutError([{ where: "CSV", message: (err as Error).message.split("\n")[0]! }]);
  }
  const header = records.length ? Object.keys(records[0]!) : [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0)
    throw new VenueLayoutError([{ where: "CSV", message: "no seats: expected a header line and one line per seat" }]);
  if (missing.length)
    throw new VenueLayoutError([
      {
        where: "line 1",
        message: `missing column(s): ${missing.join(", ")} (need ${CSV_COLUMNS.join(",")}[,accessible])`,
      },
    ]);
  if (records.length > MAX_SEATS)
    throw new VenueLayoutError([{ where: "CSV", message: `${records.length} seats; at most ${MAX_SEATS}` }]);

  const problems: LayoutProblem[] = [];
  const sections = new Map<
    string,
    {
      id: string;
      tier: number;
      rows: Map<string, { id: string; seats: { number: number; x: number; y: number; accessible: boolean }[] }>;
    }
  >();
  records.forEach((r, i) => {
    const where = `line ${i + 2}`;
    const num = (col: string, integer: boolean) => {
      const v = Number(r[col]);
      if (r[col] === "" || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
        problems.push({ where, message: `${col} "${r[col]}" is not ${integer ? "a whole number" : "a number"}` });
        return null;
      }
      return v;
    };
    const seat = num("seat", true);
    const x = num("x", false);
    const y = num("y", false);
    const tier = num("tier", true);
    const acc = (r.accessible ?? "").toLowerCase();
    if (!["", "yes", "no", "true", "false", "1", "0"].includes(acc))
      problems.push({ where, message: `accessible "${r.accessible}" is not yes or no` });
    if (seat === null || x === null || y === null || tier === null) return;
    let section = sections.get(r.section!);
    if (!section) sections.set(r.section!, (section = { id: r.section!, tier, rows: new Map() }));
    else if (section.tier !== tier)
      problems.push({
        where,
        message: `section ${r.section} sells in tier ${section.tier}, this seat says tier ${tier}`,
      });
    let row = section.rows.get(r.row!);
    if (!row) section.rows.set(r.row!, (row = { id: r.row!, seats: [] }));
    row.seats.push({ number: seat, x, y, accessible: ["yes", "true", "1"].includes(acc) });
  });
  if (problems.length) throw new VenueLayoutError(problems);
  return parseVenueLayout({
    name,
    stage,
    sections: [...sections.values()].map((s) => ({ id: s.id, tier: s.tier, rows: [...s.rows.values()] })),
  });
}
