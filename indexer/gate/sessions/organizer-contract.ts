/**
 * The event an organizer session speaks for: an admin gate session (a wallet holding the admin
 * role on the contract signed in) doubles as the organizer's session for other organizer actions
 * (opening a waiting-room sale), so organizers sign in once.
 */
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { authenticate } from "./authenticate";

export async function organizerContract(ctx: GateContext, authorization: string): Promise<string | null> {
  try {
    const session = await authenticate(ctx, authorization);
    return session.role === "admin" ? session.contract : null;
  } catch (err) {
    if (err instanceof GateDenial) return null;
    throw err;
  }
}
