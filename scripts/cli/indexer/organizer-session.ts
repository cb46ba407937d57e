/**
 * The organizer's session at the indexer, for commands that manage door staff: the CLI's signer
 * (which must hold the event's admin role) signs the same SIWE sign-in the app's organizer page
 * does (gate id `organizer`), and gets a bearer token for this one command.
 */
import type { Address } from "viem";
import { buildGateSignInMessage } from "../../../lib/gate/sign-in-message";
import { openGateSession, type GateSession } from "../../../lib/indexer-client/gate";
import { gateSignInChallengeSchema } from "../../../lib/indexer-client/call-schemas";
import { postIndexerJson } from "../../../lib/indexer-client/post-json";
import type { WriteConnection } from "../chain/connect";
import { InputError, NotAuthorizedError } from "../errors";

export async function organizerSession(
  conn: WriteConnection,
  event: Address,
): Promise<{ indexerUrl: string; session: GateSession }> {
  const indexerUrl = conn.config.indexerUrl;
  if (!indexerUrl) throw new InputError("Scanner sessions live at the indexer: set INDEXER_URL (or --indexer-url).");
  // No domain: the indexer's default sign-in domain.
  const challenge = await postIndexerJson(
    indexerUrl,
    "/gate/session/nonce",
    { contract: event, gateId: "organizer", zone: 0 },
    gateSignInChallengeSchema,
  );
  const message = buildGateSignInMessage(challenge, conn.signer.address);
  const session = await openGateSession(
    indexerUrl,
    message,
    await conn.wallet.signMessage({ account: conn.wallet.account, message }),
  );
  if (session.role !== "admin")
    throw new NotAuthorizedError(
      `${conn.signer.address} is not the organizer of ${event}: only the admin role manages scanner sessions`,
    );
  return { indexerUrl, session };
}
