/** A refused waiting-room request: a stable code (lib/onsale/errors.ts), an HTTP status, a human message. */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { onsaleErrorText, type OnsaleErrorCode } from "../../lib/onsale/errors";

const statusOf: Partial<Record<OnsaleErrorCode, ContentfulStatusCode>> = {
  UNKNOWN_SALE: 404,
  SALE_EXISTS: 409,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  TOO_MANY_STREAMS: 429,
  BUSY: 503,
  NOT_ADMITTED: 409,
  ADMISSION_EXPIRED: 410,
  WALLET_IN_USE: 409,
  IDENTITY_CAP_REACHED: 409,
  WALLET_CAP_REACHED: 409,
  SOLD_OUT: 410,
  SIGNER_UNAVAILABLE: 503,
  CHAIN_UNAVAILABLE: 503,
  BAD_SIGNATURE: 401,
  NONCE_INVALID: 401,
  NOT_HOLDER: 403,
};

export class OnsaleError extends Error {
  override name = "OnsaleError";
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: OnsaleErrorCode,
    detail?: string,
  ) {
    super(detail ? `${onsaleErrorText[code]} (${detail})` : onsaleErrorText[code]);
    this.status = statusOf[code] ?? 400;
  }
}
