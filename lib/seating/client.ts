/** Calls to the indexer's `/seats` routes (venue layout, holds, the fan's seat session), for the app and tests. */
import type { Hex } from "viem";
import { z } from "zod";
import { addressOut, gateChallengeSchema } from "../indexer-client/call-schemas";
import { IndexerClientError } from "../indexer-client/errors";
import { postIndexerJson, type PostJsonOptions } from "../indexer-client/post-json";
import { type VenueLayoutInput, venueLayoutSchema } from "./venue-layout";

const storedVenueSchema = z.object({
  contract: addressOut,
  seats: z.number(),
  updatedAt: z.string(),
  layout: venueLayoutSchema,
});
const seatHoldSchema = z.object({ seat: z.number(), expiresAt: z.string(), mine: z.boolean() });
const seatSessionSchema = z.object({
  token: z.string(),
  wallet: addressOut,
  contract: addressOut,
  expiresAt: z.string(),
});
const venueSavedSchema = z.object({
  contract: addressOut,
  name: z.string(),
  seats: z.number(),
  warnings: z.array(z.string()),
});
const seatRanges = z.array(z.number());
const seatStatusSchema = z.object({
  contract: addressOut,
  seats: z.number(),
  sold: seatRanges,
  checkedIn: seatRanges,
  mine: seatRanges,
});

export type StoredVenue = z.output<typeof storedVenueSchema>;
export type SeatHold = z.output<typeof seatHoldSchema>;
export type SeatSession = z.output<typeof seatSessionSchema>;
export type SeatStatusBody = z.output<typeof seatStatusSchema>;

const q = (contract: string) => `?contract=${encodeURIComponent(contract)}`;

/** A stadium layout (50,000+ seats, a few MB of JSON) is checked seat by seat on the server: not a 5 s answer. */
const VENUE_TIMEOUT_MS = 60_000;

/** The event's layout, or null when it has none (general admission). */
export const getVenue = (base: string, contract: string, o?: PostJsonOptions) =>
  postIndexerJson(base, `/seats/venue${q(contract)}`, undefined, storedVenueSchema.nullable(), {
    timeoutMs: VENUE_TIMEOUT_MS,
    ...o,
    method: "GET",
  });

/** Organizer only (`token`: the event's admin gate session). */
export const putVenue = (
  base: string,
  token: string,
  contract: string,
  body: { layout: VenueLayoutInput } | { name: string; csv: string },
  o?: PostJsonOptions,
) =>
  postIndexerJson(base, `/seats/venue${q(contract)}`, body, venueSavedSchema, {
    timeoutMs: VENUE_TIMEOUT_MS,
    ...o,
    method: "PUT",
    token,
  });

export type VenueUpload =
  | { ok: true; name: string; seats: number; warnings: string[] }
  | { ok: false; code: string; message: string; problems: { where: string; message: string }[] };

const problemsSchema = z.array(z.object({ where: z.string(), message: z.string() }));

/** `putVenue` with the refusal's problem list kept (a bad layout is 400, one that conflicts with the chain 409). */
export async function uploadVenue(
  base: string,
  token: string,
  contract: string,
  body: { layout: unknown } | { name: string; csv: string },
  o?: PostJsonOptions,
): Promise<VenueUpload> {
  try {
    const saved = await postIndexerJson(base, `/seats/venue${q(contract)}`, body, venueSavedSchema, {
      timeoutMs: VENUE_TIMEOUT_MS,
      ...o,
      method: "PUT",
      token,
    });
    return { ok: true, name: saved.name, seats: saved.seats, warnings: saved.warnings };
  } catch (err) {
    if (!(err instanceof IndexerClientError) || ![400, 409, 413].includes(err.status)) throw err;
    const problems = problemsSchema.safeParse(err.details.problems);
    return { ok: false, code: err.code, message: err.shortMessage, problems: problems.success ? problems.data : [] };
  }
}

/** Sold, checked-in and (with `owner`) that wallet's seats, as runs of layout seat indexes. */
export const getSeatStatus = (base: string, contract: string, owner?: string, o?: PostJsonOptions) =>
  postIndexerJson(
    base,
    `/seats/status${q(contract)}${owner ? `&owner=${encodeURIComponent(owner)}` : ""}`,
    undefined,
    seatStatusSchema,
    { ...o, method: "GET" },
  );

/** The seat stream's address (Server-Sent Events: `seats` notices to re-read status and holds). */
export const seatStreamUrl = (base: string, contract: string) =>
  `${base.replace(/\/+$/, "")}/seats/stream${q(contract)}`;

export const getSeatHolds = (base: string, contract: string, token?: string, o?: PostJsonOptions) =>
  postIndexerJson(base, `/seats/holds${q(contract)}`, undefined, z.object({ holds: z.array(seatHoldSchema) }), {
    ...o,
    method: "GET",
    token,
  });

export const requestSeatSignIn = (base: string, contract: string, domain: string, o?: PostJsonOptions) =>
  postIndexerJson(base, "/seats/session/nonce", { contract, domain }, gateChallengeSchema, o);

export const openSeatSession = (base: string, message: string, signature: Hex, o?: PostJsonOptions) =>
  postIndexerJson(base, "/seats/session", { message, signature }, seatSessionSchema, o);

/** Holds all `seats` or none: a 409 `SEATS_TAKEN` error lists the taken ones in its `details.seats`. */
export const holdSeats = (base: string, token: string, seats: number[], o?: PostJsonOptions) =>
  postIndexerJson(base, "/seats/holds", { seats }, z.object({ seats: z.array(z.number()), expiresAt: z.string() }), {
    ...o,
    token,
  });

export const releaseSeats = (base: string, token: string, seats?: number[], o?: PostJsonOptions) =>
  postIndexerJson(base, "/seats/holds", seats ? { seats } : {}, z.object({ released: z.array(z.number()) }), {
    ...o,
    method: "DELETE",
    token,
  });
