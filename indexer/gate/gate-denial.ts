/**
 * A scan that fails a check: carries the stable reason code the verdict reports. A scan turns it into a DENY verdict
 * (gate-verdict.ts); anywhere else (sign-in, delegation, invites) it reaches the API's one error handler as an
 * `AppError` whose code is the reason and whose status is the registry's (lib/errors/error-codes.ts).
 */
import { DenyReason, denyReasonText } from "../../lib/gate/reasons";
import { AppError } from "../../lib/errors/app-error";

export class GateDenial extends AppError {
  override name = "GateDenial";
  readonly reason: DenyReason;
  /** For logs and the verdict's message; the door shows `denyReasonText`. */
  readonly detail: string;
  readonly ticket: { contract: `0x${string}`; tokenId: bigint } | undefined;
  constructor(
    reason: DenyReason,
    detail: string = denyReasonText[reason],
    ticket?: { contract: `0x${string}`; tokenId: bigint },
  ) {
    // A denial is an expected answer, not a fault: no stack trace (capturing one showed up in the
    // bench's CPU profile, where 6 scans in 10 are denials).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(reason, `${reason}: ${detail}`);
    Error.stackTraceLimit = limit;
    this.reason = reason;
    this.detail = detail;
    this.ticket = ticket;
  }

  /** An error body says the detail alone: the code is beside it. */
  override get publicMessage(): string {
    return this.detail;
  }
}

export { DenyReason };
