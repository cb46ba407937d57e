/**
 * Who may write an event's content: a wallet holding the event's admin role on chain, the same
 * authority an organizer's admin gate session rests on (gate/sessions/staff-authority.ts). Read
 * from the chain at write time, so a handed-over event is written by its new admin at once.
 */
import { type Address, type PublicClient, zeroHash } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { AppError } from "../../lib/errors/app-error";

export function chainOrganizerCheck(client: Pick<PublicClient, "readContract">) {
  return async (event: Address, account: Address): Promise<boolean> => {
    try {
      return await client.readContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "hasRole",
        args: [zeroHash, account],
      });
    } catch (err) {
      throw new AppError(
        "CHAIN_UNAVAILABLE",
        `could not read the event's admin role on chain: ${(err as Error).message.split("\n")[0]}`,
      );
    }
  };
}
