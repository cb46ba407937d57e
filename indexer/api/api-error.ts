/** Typed HTTP errors: every failure leaves the API as `{ error: { code, message } }`. */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorCode =
  | "BAD_REQUEST"
  | "INVALID_ADDRESS"
  | "INVALID_JSON"
  | "PAYLOAD_TOO_LARGE"
  | "UNKNOWN_CHAIN"
  | "UNKNOWN_EVENT"
  | "UNKNOWN_TOKEN"
  | "NOT_FOUND"
  | "INVALID_REFERENCE"
  | "RATE_LIMITED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "BUSY"
  | "TOO_MANY_STREAMS"
  | "INTERNAL";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string } };

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}
