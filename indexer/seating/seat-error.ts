/** A refused seat request: a stable code for the app, the HTTP status, and words for a person. */
export type SeatErrorCode =
  | "UNAUTHORIZED"
  | "BAD_REQUEST"
  | "SEATS_TAKEN"
  | "HOLD_LIMIT"
  | "CLIENT_HOLD_LIMIT"
  | "EVENT_HOLD_LIMIT"
  | "SEAT_NOT_IN_LAYOUT"
  | "NO_LAYOUT";

const STATUS: Record<SeatErrorCode, 400 | 401 | 404 | 409 | 429> = {
  UNAUTHORIZED: 401,
  BAD_REQUEST: 400,
  SEATS_TAKEN: 409,
  HOLD_LIMIT: 429,
  CLIENT_HOLD_LIMIT: 429,
  EVENT_HOLD_LIMIT: 429,
  SEAT_NOT_IN_LAYOUT: 400,
  NO_LAYOUT: 404,
};

export class SeatError extends Error {
  override name = "SeatError";
  readonly status: 400 | 401 | 404 | 409 | 429;
  constructor(
    readonly code: SeatErrorCode,
    message: string,
    /** SEATS_TAKEN: the seat indexes someone else holds; SEAT_NOT_IN_LAYOUT: the ones past the layout. */
    readonly seats: number[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
