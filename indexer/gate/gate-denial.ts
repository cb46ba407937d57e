/** A scan that fails a check: carries the stable reason code the verdict reports. */
import { DenyReason, denyReasonText } from "../../lib/gate/reasons";

export class GateDenial extends Error {
  override name = "GateDenial";
  constructor(
    readonly reason: DenyReason,
    /** For logs and the verdict's message; the door shows `denyReasonText`. */
    readonly detail: string = denyReasonText[reason],
    readonly ticket?: { contract: `0x${string}`; tokenId: bigint },
  ) {
    super(`${reason}: ${detail}`);
  }
}

export { DenyReason };
