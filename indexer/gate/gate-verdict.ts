/** The two verdicts every scan mode (challenge, pass) ends in, built one way. */
import type { GateVerdict } from "../../lib/gate/reasons";
import type { SeatLabel } from "../seating/venue-cache";
import { GateDenial } from "./gate-denial";

type Ticket = { contract: `0x${string}`; tokenId: bigint };

export function admitVerdict(
  ticket: Ticket,
  holder: `0x${string}`,
  gateId: string,
  checkedInAt: Date,
  seat?: SeatLabel,
): GateVerdict {
  return {
    result: "ADMIT",
    contract: ticket.contract,
    tokenId: ticket.tokenId.toString(),
    holder,
    gateId,
    checkedInAt: checkedInAt.toISOString(),
    ...(seat ? { seat } : {}),
  };
}

/** A DENY for a failed check; anything that is not a `GateDenial` is a real fault and is rethrown. */
export function denyVerdict(err: unknown, ticket: Ticket | undefined): GateVerdict {
  if (!(err instanceof GateDenial)) throw err;
  const about = err.ticket ?? ticket;
  return {
    result: "DENY",
    reason: err.reason,
    message: err.detail,
    ...(about ? { contract: about.contract, tokenId: about.tokenId.toString() } : {}),
  };
}
