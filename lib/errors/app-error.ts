/**
 * The base of every error that crosses the API: a registry code (./error-codes.ts), its HTTP status, details that
 * travel in the body beside the message, and the cause. The server's one `onError` answers `toBody()` with `status`;
 * the clients' request core (lib/http/) turns that body back into an `AppError` with the same code, status and details.
 *
 * @example
 * throw new AppError("UNKNOWN_EVENT", `no event at ${address}`);
 * throw new AppError("SEATS_TAKEN", "2 of the chosen seats are held", { details: { seats: [4, 5] } });
 */
import { ERROR_CODES, type ErrorCode } from "./error-codes";

/** Extra fields of the error body (`seats`, `problems`, …); never `code` or `message`. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** Every error response of the API. */
export type ErrorBody = { error: { code: string; message: string } & Record<string, unknown> };

export type AppErrorOptions = {
  details?: ErrorDetails;
  cause?: unknown;
  /** Clients only: the status the server actually sent. The server always answers the registry's. */
  status?: number;
};

export class AppError extends Error {
  override name = "AppError";
  /** A registry code; on a client, possibly one a newer server added. */
  readonly code: ErrorCode | (string & {});
  readonly status: number;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? ERROR_CODES[code].words, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.details = options.details ?? {};
  }

  /** The message a caller reads (a subclass may keep a longer one for logs). */
  get publicMessage(): string {
    return this.message;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.publicMessage, ...this.details } };
  }
}

/** `{ error: { code, message } }` for a response made without throwing (a middleware's early answer). */
export function errorBody(code: ErrorCode, message: string = ERROR_CODES[code].words): ErrorBody {
  return { error: { code, message } };
}
