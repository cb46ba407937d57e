/**
 * Gate staff sign in with a wallet: a SIWE message answering a `session` nonce, from an account
 * holding GATE_ROLE (→ role `gate`) or DEFAULT_ADMIN_ROLE (→ `admin`) on the event's contract.
 */
import { getAddress, zeroHash, type Address, type Hex } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { verifySiweOnce } from "../siwe/verify-siwe-once";
import { openSession, type OpenedSession } from "./gate-session";

export async function signInWithWallet(
  ctx: GateContext,
  body: { message: string; signature: Hex },
): Promise<OpenedSession> {
  const { signer, challenge } = await verifySiweOnce(ctx, body.message, body.signature, "session");
  const contract = getAddress(challenge.contract);
  const role = await roleOf(ctx, contract, signer);
  if (!role)
    throw new GateDenial("GATE_UNAUTHORIZED", `${signer} holds neither GATE_ROLE nor the admin role on ${contract}`);
  const { tokenHash, ...session } = await openSession(ctx.db, {
    contract,
    gateId: challenge.gateId,
    zone: challenge.zone,
    role,
    staff: signer.toLowerCase(),
    now: ctx.now(),
    ttlSeconds: ctx.settings.sessionTtlSeconds,
    authority: "wallet",
  });
  // The roles were read just now: the first scans need no second read (re-read within a minute).
  ctx.staffAuthority.remember({ tokenHash }, true);
  return session;
}

async function roleOf(ctx: GateContext, contract: Address, account: Address): Promise<"gate" | "admin" | null> {
  try {
    const gateRole = await ctx.client.readContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "GATE_ROLE",
    });
    const [admin, gate] = await Promise.all([
      ctx.client.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "hasRole",
        args: [zeroHash, account],
      }),
      ctx.client.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "hasRole",
        args: [gateRole, account],
      }),
    ]);
    return admin ? "admin" : gate ? "gate" : null;
  } catch (err) {
    throw new GateDenial("INDEXER_STALE", `could not read roles on chain: ${(err as Error).message.split("\n")[0]}`);
  }
}
