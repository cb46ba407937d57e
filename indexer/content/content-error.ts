/** Why signed event content was refused; the content route answers `{ error: { code, message } }` with `status`. */
export type ContentRefusal = "UNKNOWN_EVENT" | "NOT_ORGANIZER" | "STALE_VERSION" | "CHAIN_UNAVAILABLE" | "RATE_LIMITED";

const STATUS: Record<ContentRefusal, 403 | 404 | 409 | 429 | 503> = {
  UNKNOWN_EVENT: 404,
  NOT_ORGANIZER: 403,
  STALE_VERSION: 409,
  RATE_LIMITED: 429,
  CHAIN_UNAVAILABLE: 503,
};

export class EventContentError extends Error {
  override name = "EventContentError";
  readonly status: 403 | 404 | 409 | 429 | 503;
  constructor(
    readonly code: ContentRefusal,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
