/** A scan that fails a check: carries the stable reason code the verdict reports. */
import { DenyReason, denyReasonText } from "../../lib/gate/reasons";

export class GateDenial extends Error {
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
    super(`${reason}: ${detail}`);
    Error.stackTraceLimit = limit;
    this.reason = reason;
    this.detail = detail;
    this.ticket = ticket;
  }
}

export { DenyReason };
