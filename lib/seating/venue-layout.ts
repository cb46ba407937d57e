/**
 * A venue's seats as data: sections of rows of seats, each seat with drawing coordinates (any
 * unit; the seat map scales them), an accessibility flag and the price tier it sells in. Shared by
 * the importer, the indexer's seat status and the app's seat map.
 */
import { z } from "zod";

/** Upper bound on seats per venue: a large stadium is ~100,000; seat indexes fit in 32 bits with room. */
export const MAX_SEATS = 200_000;
/** Price tiers are EventTicket tiers (uint8, at most 8 per event). */
export const MAX_TIER = 7;

const label = z
  .string()
  .trim()
  .min(1, "required")
  .max(16, "at most 16 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "letters, digits, space, '.', '_' or '-'");

export const seatSchema = z.object({
  number: z.number().int().min(1).max(100_000),
  x: z.number().finite(),
  y: z.number().finite(),
  accessible: z.boolean().default(false),
});

export const rowSchema = z.object({ id: label, seats: z.array(seatSchema).min(1, "a row needs at least one seat") });

export const sectionSchema = z.object({
  id: label,
  name: z.string().trim().max(64).optional(),
  /** EventTicket tier the section's seats sell in (face value, zones, resale cap come from it). */
  tier: z.number().int().min(0).max(MAX_TIER),
  rows: z.array(rowSchema).min(1, "a section needs at least one row"),
});

export const venueLayoutSchema = z.object({
  name: z.string().trim().min(1).max(128),
  /** Where the stage is, in seat coordinates: "best" seats are the closest to it. */
  stage: z.object({ x: z.number().finite(), y: z.number().finite() }).default({ x: 0, y: 0 }),
  sections: z.array(sectionSchema).min(1, "a venue needs at least one section"),
});

export type VenueLayout = z.output<typeof venueLayoutSchema>;
export type VenueLayoutInput = z.input<typeof venueLayoutSchema>;

/** One seat, flattened; its position in `VenueSeats.seats` is its seat index (stable for a layout). */
export type SeatInfo = {
  index: number;
  section: string;
  row: string;
  number: number;
  x: number;
  y: number;
  accessible: boolean;
  tier: number;
  /** Its seat number on chain: the seat's position among its tier's seats, in layout order
   * (0, 1, …); token id `seatTokenId(tier, tierSeat)`. */
  tierSeat: number;
};

export type VenueSeats = {
  /** The validated layout the seats were read from (what is stored and sent to the seat map). */
  layout: VenueLayout;
  name: string;
  stage: { x: number; y: number };
  seats: SeatInfo[];
  /** `seatKey(section, row, number)` → seat index. */
  byKey: Map<string, number>;
};

/** "A|12|7": section, row, seat number; never ambiguous because labels cannot contain '|'. */
export const seatKey = (section: string, row: string, number: number) => `${section}|${row}|${number}`;

/** A seat as people read it: "Section A · Row 12 · Seat 7" (tickets, passes, the seat map, layout messages). */
export const seatLabel = (s: Pick<SeatInfo, "section" | "row" | "number">) =>
  `Section ${s.section} · Row ${s.row} · Seat ${s.number}`;
