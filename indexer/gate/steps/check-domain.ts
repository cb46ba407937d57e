/** Step 3: the message was made for one of this service's SIWE domains, with its URI. */
import type { SiweMessage } from "siwe";
import { GateDenial } from "../gate-denial";

export function checkDomain(message: SiweMessage, allowed: readonly string[]): void {
  if (!allowed.includes(message.domain)) {
    throw new GateDenial("WRONG_DOMAIN", `domain ${message.domain} is not served here`);
  }
  if (message.uri !== `http://${message.domain}` && message.uri !== `https://${message.domain}`) {
    throw new GateDenial("WRONG_DOMAIN", `uri ${message.uri} does not match domain ${message.domain}`);
  }
}
