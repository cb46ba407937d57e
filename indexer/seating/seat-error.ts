/** A refused seat request: a stable code (status in lib/errors/error-codes.ts), words for a person, the seats at issue. */
import { AppError } from "../../lib/errors/app-error";

export type SeatErrorCode =
  | "UNAUTHORIZED"
  | "BAD_REQUEST"
  | "SEATS_TAKEN"
  | "HOLD_LIMIT"
  | "CLIENT_HOLD_LIMIT"
  | "EVENT_HOLD_LIMIT"
  | "SEAT_NOT_IN_LAYOUT"
  | "NO_LAYOUT";

export class SeatError extends AppError {
  override name = "SeatError";
  declare readonly code: SeatErrorCode;
  constructor(
    code: SeatErrorCode,
    message: string,
    /** SEATS_TAKEN: the seat indexes someone else holds; SEAT_NOT_IN_LAYOUT: the ones past the layout. */
    readonly seats: number[] = [],
  ) {
    super(code, message, seats.length ? { details: { seats } } : {});
  }
}
