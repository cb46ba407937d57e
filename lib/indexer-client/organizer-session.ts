/**
 * The organizer's server session for one event, from a script or the CLI: one SIWE sign-in
 * (gate id `organizer`) by a wallet holding the event's admin role. Its token reads the event's
 * analytics (`client.analytics.*(contract, …, { token })`), issues door-staff invites and opens
 * sales. The app keeps the same session per tab (app/hooks/useOrganizerSession.ts).
 */
import type { Address, Hex } from "viem";
import { buildGateSignInMessage } from "../gate/sign-in-message";
import { gateSignInChallengeSchema } from "./call-schemas";
import { openGateSession, type GateSession } from "./gate";
import { postIndexerJson, type PostJsonOptions } from "./post-json";

export async function openOrganizerSession(
  indexerUrl: string,
  contract: string,
  signer: { address: Address; signMessage: (message: string) => Promise<Hex> },
  o?: PostJsonOptions,
): Promise<GateSession> {
  // No domain: the server names its first SIWE domain.
  const challenge = await postIndexerJson(
    indexerUrl,
    "/gate/session/nonce",
    { contract, gateId: "organizer", zone: 0 },
    gateSignInChallengeSchema,
    o,
  );
  const message = buildGateSignInMessage(challenge, signer.address);
  const session = await openGateSession(indexerUrl, message, await signer.signMessage(message), o);
  if (session.role !== "admin")
    throw new Error(`${signer.address} may scan at the gates of ${contract} but is not its organizer`);
  return session;
}
