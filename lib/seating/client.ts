/** Calls to the indexer's `/seats` routes (venue layout, holds, the fan's seat session), for the app and tests. */
import type { Address, Hex } from "viem";
import type { GateChallenge } from "../gate/challenge-message";
import { postIndexerJson, type PostJsonOptions } from "../indexer-client/post-json";
import type { SeatRanges } from "./seat-ranges";
import type { VenueLayout, VenueLayoutInput } from "./venue-layout";

export type StoredVenue = { contract: Address; seats: number; updatedAt: string; layout: VenueLayout };
export type SeatHold = { seat: number; expiresAt: string; mine: boolean };
export type SeatSession = { token: string; wallet: Address; contract: Address; expiresAt: string };

const q = (contract: string) => `?contract=${encodeURIComponent(contract)}`;

export const getVenue = (base: string, contract: string, o?: PostJsonOptions) =>
  postIndexerJson<StoredVenue>(base, `/seats/venue${q(contract)}`, undefined, { ...o, method: "GET" });

/** Organizer only (`token`: the event's admin gate session). */
export const putVenue = (
  base: string,
  token: string,
  contract: string,
  body: { layout: VenueLayoutInput } | { name: string; csv: string },
  o?: PostJsonOptions,
) =>
  postIndexerJson<{ contract: Address; name: string; seats: number; warnings: string[] }>(
    base,
    `/seats/venue${q(contract)}`,
    body,
    { ...o, method: "PUT", token },
  );

export type VenueUpload =
  | { ok: true; name: string; seats: number; warnings: string[] }
  | { ok: false; code: string; message: string; problems: { where: string; message: string }[] };

/** `putVenue` with the refusal's problem list kept (a bad layout is 400, one that conflicts with the chain 409). */
export async function uploadVenue(
  base: string,
  token: string,
  contract: string,
  body: { layout: unknown } | { name: string; csv: string },
  o?: PostJsonOptions,
): Promise<VenueUpload> {
  type Answer = {
    name?: string;
    seats?: number;
    warnings?: string[];
    error?: { code: string; message: string; problems?: { where: string; message: string }[] };
  };
  const a = await postIndexerJson<Answer>(base, `/seats/venue${q(contract)}`, body, {
    ...o,
    method: "PUT",
    token,
    acceptStatuses: [400, 409, 413],
  });
  if (a.error) return { ok: false, code: a.error.code, message: a.error.message, problems: a.error.problems ?? [] };
  return { ok: true, name: a.name ?? "", seats: a.seats ?? 0, warnings: a.warnings ?? [] };
}

export type SeatStatusBody = {
  contract: Address;
  seats: number;
  sold: SeatRanges;
  checkedIn: SeatRanges;
  mine: SeatRanges;
};

/** Sold, checked-in and (with `owner`) that wallet's seats, as runs of layout seat indexes. */
export const getSeatStatus = (base: string, contract: string, owner?: string, o?: PostJsonOptions) =>
  postIndexerJson<SeatStatusBody>(
    base,
    `/seats/status${q(contract)}${owner ? `&owner=${encodeURIComponent(owner)}` : ""}`,
    undefined,
    { ...o, method: "GET" },
  );

/** The seat stream's address (Server-Sent Events: `seats` notices to re-read status and holds). */
export const seatStreamUrl = (base: string, contract: string) =>
  `${base.replace(/\/+$/, "")}/seats/stream${q(contract)}`;

export const getSeatHolds = (base: string, contract: string, token?: string, o?: PostJsonOptions) =>
  postIndexerJson<{ holds: SeatHold[] }>(base, `/seats/holds${q(contract)}`, undefined, { ...o, method: "GET", token });

export const requestSeatSignIn = (base: string, contract: string, domain: string, o?: PostJsonOptions) =>
  postIndexerJson<GateChallenge>(base, "/seats/session/nonce", { contract, domain }, o);

export const openSeatSession = (base: string, message: string, signature: Hex, o?: PostJsonOptions) =>
  postIndexerJson<SeatSession>(base, "/seats/session", { message, signature }, o);

/** Holds all `seats` or none: a 409 `SEATS_TAKEN` error names the taken ones in its message. */
export const holdSeats = (base: string, token: string, seats: number[], o?: PostJsonOptions) =>
  postIndexerJson<{ seats: number[]; expiresAt: string }>(base, "/seats/holds", { seats }, { ...o, token });

export const releaseSeats = (base: string, token: string, seats?: number[], o?: PostJsonOptions) =>
  postIndexerJson<{ released: number[] }>(base, "/seats/holds", seats ? { seats } : {}, {
    ...o,
    method: "DELETE",
    token,
  });
