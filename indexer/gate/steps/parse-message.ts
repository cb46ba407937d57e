/** Step 1–2: cap the length, then parse strictly as EIP-4361 with the `siwe` package. */
import { SiweMessage } from "siwe";
import { GateDenial } from "../gate-denial";

/** A gate message is ~450 chars; anything far longer is not ours, and parsing it costs CPU. */
export const MAX_MESSAGE_CHARS = 2_048;

export function parseMessage(text: string): SiweMessage {
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new GateDenial("MALFORMED", `message longer than ${MAX_MESSAGE_CHARS} characters`);
  }
  try {
    return new SiweMessage(text);
  } catch (err) {
    // siwe throws Errors (and in places strings); keep only the first line.
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    throw new GateDenial("MALFORMED", `not a valid SIWE message: ${reason}`);
  }
}
