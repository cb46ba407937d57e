/** Step 4: the message is for this chain. */
import type { SiweMessage } from "siwe";
import { GateDenial } from "../gate-denial";

export function checkChain(message: SiweMessage, chainId: number): void {
  if (message.chainId !== chainId) {
    throw new GateDenial("WRONG_CHAIN", `message is for chain ${message.chainId}, this gate serves ${chainId}`);
  }
}
