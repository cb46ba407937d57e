/** A challenge-mode scan over HTTP, signed by a local node account: the door, as the chaos tests drive it. */
import type { Address } from "viem";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import type { GateVerdict } from "../../lib/gate/reasons";
import type { localClients } from "../../scripts/lib/local-clients";

export type ScanAnswer = { status: number; verdict: GateVerdict };

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });

/** Asks for a challenge, has `holder` sign it for `tokenId`, and scans; returns the HTTP status and verdict. */
export async function challengeScan(
  clients: Awaited<ReturnType<typeof localClients>>,
  indexerUrl: string,
  contract: Address,
  tokenId: bigint,
  holder: Address,
  gateId = "chaos-1",
  idNumber?: string,
): Promise<ScanAnswer> {
  const c = await post(`${indexerUrl}/gate/challenge`, { contract, gateId });
  if (c.status !== 200)
    return {
      status: c.status,
      verdict: {
        result: "DENY",
        reason: "MALFORMED",
        message: `challenge: HTTP ${c.status} ${await c.text()}`,
      } as GateVerdict,
    };
  const message = buildChallengeMessage((await c.json()) as GateChallenge, holder, tokenId);
  const signature = await clients.wallet(holder).signMessage({ account: holder, message });
  const res = await post(`${indexerUrl}/gate/scan`, { message, signature, ...(idNumber ? { idNumber } : {}) });
  return { status: res.status, verdict: (await res.json()) as GateVerdict };
}
