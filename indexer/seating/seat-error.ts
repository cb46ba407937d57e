/** A refused seat request: a stable code for the app, the HTTP status, and words for a person. */
export type SeatErrorCode = "UNAUTHORIZED" | "BAD_REQUEST" | "SEATS_TAKEN" | "HOLD_LIMIT";

const STATUS: Record<SeatErrorCode, 400 | 401 | 409 | 429> = { UNAUTHORIZED: 401, BAD_REQUEST: 400, SEATS_TAKEN: 409, HOLD_LIMIT: 429 };

export class SeatError extends Error {
  override name = "SeatError";
  readonly status: 400 | 401 | 409 | 429;
  constructor(
    readonly code: SeatErrorCode,
    message: string,
    /** SEATS_TAKEN: the seat indexes someone else holds. */
    readonly seats: number[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
