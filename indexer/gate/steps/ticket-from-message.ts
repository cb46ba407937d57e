/** Step 7: the message names exactly one ticket, on this chain, of the challenge's event. */
import type { SiweMessage } from "siwe";
import { getAddress, type Address } from "viem";
import { parseTicketResource } from "../../../lib/gate/challenge-message";
import { GateDenial } from "../gate-denial";
import type { ChallengeRow } from "./load-challenge";

export type TicketRef = { contract: Address; tokenId: bigint };

export function ticketFromMessage(message: SiweMessage, challenge: ChallengeRow, chainId: number): TicketRef {
  const found = (message.resources ?? []).map(parseTicketResource).filter((r) => r !== null);
  if (found.length !== 1) {
    throw new GateDenial("MALFORMED", `message must name exactly one ticket resource, found ${found.length}`);
  }
  const ticket = found[0]!;
  if (ticket.chainId !== chainId) {
    throw new GateDenial("WRONG_CHAIN", `ticket resource is on chain ${ticket.chainId}`);
  }
  const ref = { contract: ticket.contract, tokenId: ticket.tokenId };
  if (ticket.contract.toLowerCase() !== challenge.contract) {
    throw new GateDenial(
      "WRONG_EVENT",
      `ticket is of ${ticket.contract}, gate admits ${getAddress(challenge.contract)}`,
      ref,
    );
  }
  return ref;
}
