/** A refused waiting-room request: a stable code (status in lib/errors/error-codes.ts), the fan's words, and detail. */
import { AppError } from "../../lib/errors/app-error";
import { onsaleErrorText, type OnsaleErrorCode } from "../../lib/onsale/errors";

export class OnsaleError extends AppError {
  override name = "OnsaleError";
  declare readonly code: OnsaleErrorCode;
  constructor(code: OnsaleErrorCode, detail?: string) {
    super(code, detail ? `${onsaleErrorText[code]} (${detail})` : onsaleErrorText[code]);
  }
}
