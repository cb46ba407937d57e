/** One agent's on-sale day against the real waiting room over HTTP and the real chain. */
import { createWalletClient, http, parseEventLogs, type Chain, type PublicClient } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import {
  getEntryStatus,
  getPowChallenge,
  joinQueue,
  OnsaleApiError,
  onsaleSignIn,
  onsaleSignInNonce,
  requestVoucher,
} from "../../../lib/onsale/client";
import { createHash } from "node:crypto";
import { buildOnsaleSignInMessage } from "../../../lib/onsale/sign-in-message";
import { toContractVoucher } from "../../../lib/onsale/voucher";
import type { Agent } from "./population";

export type AgentOutcome = {
  agent: Agent;
  joined: boolean;
  admitted: boolean;
  /** ms from max(join, on-sale time) to admission */
  waitMs: number | null;
  /** first token id and count bought, if any */
  bought: { first: bigint; count: number } | null;
  refusal?: string;
};

export type AgentEnv = {
  base: string;
  saleId: string;
  powBits: number;
  perPerson: number;
  opensAtMs: number;
  fetch: typeof fetch;
  chain: Chain;
  rpcUrl: string;
  publicClient: PublicClient;
  soldOut: () => boolean;
  deadlineMs: number;
  log?: (line: string) => void;
};

/**
 * lib/onsale/pow.ts's puzzle with node:crypto (native sha256): the agents share one thread with
 * the service under test, and a JS hash loop for 1,000 fans would stall it.
 */
function solvePowNative(challenge: string, bits: number): string {
  for (let i = 0; i < 2 ** (bits + 6); i++) {
    const d = createHash("sha256").update(`${challenge}:${i}`).digest();
    let zeros = 0;
    for (const b of d) {
      if (b === 0) zeros += 8;
      else {
        zeros += Math.clz32(b) - 24;
        break;
      }
    }
    if (zeros >= bits) return String(i);
  }
  throw new Error("no proof of work found");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function runAgent(agent: Agent, env: AgentEnv): Promise<AgentOutcome> {
  const out: AgentOutcome = { agent, joined: false, admitted: false, waitMs: null, bought: null };
  const o = { fetch: env.fetch, headers: { "x-forwarded-for": agent.ip } };
  await sleep(env.opensAtMs + agent.joinAtMs - Date.now());
  try {
    let token: string | undefined;
    // Bots retry a refused join a few times; people do not hammer.
    for (let attempt = 0; attempt < (agent.kind === "fan" ? 1 : 3) && !token; attempt++) {
      try {
        let pow: { challenge: string; nonce: string } | undefined;
        if (env.powBits > 0) {
          const ch = await getPowChallenge(env.base, env.saleId, o);
          pow = { challenge: ch.challenge, nonce: solvePowNative(ch.challenge, ch.bits) };
        }
        token = (await joinQueue(env.base, env.saleId, pow, o)).token;
      } catch (err) {
        if (!(err instanceof OnsaleApiError) || err.code !== "RATE_LIMITED") throw err;
        out.refusal = err.code;
        await sleep(1_000);
      }
    }
    if (!token) return out;
    out.joined = true;
    for (;;) {
      if (env.soldOut() || Date.now() > env.deadlineMs) return out;
      const s = await getEntryStatus(env.base, token, o);
      if (s.state === "admitted") {
        out.admitted = true;
        out.waitMs =
          new Date(s.admittedAt!).getTime() - Math.max(new Date(s.joinedAt).getTime(), new Date(s.opensAt).getTime());
        break;
      }
      if (s.state === "expired") return out;
      const eta = (s.estimatedWaitSeconds ?? 1) * 1000;
      await sleep(
        agent.kind === "fan" ? Math.min(4_000, Math.max(1_000, eta / 2)) : Math.min(1_000, Math.max(200, eta / 4)),
      );
    }
    await sleep(agent.reactMs);
    const nonce = await onsaleSignInNonce(env.base, token, undefined, o);
    const message = buildOnsaleSignInMessage(nonce, agent.account.address);
    await onsaleSignIn(env.base, token, { message, signature: await agent.account.signMessage({ message }) }, o);
    const issued = await requestVoucher(
      env.base,
      token,
      { quantity: Math.min(agent.wants, env.perPerson), idNumber: agent.idNumber, identityEvidence: agent.person },
      o,
    );
    const wallet = createWalletClient({ account: agent.account, chain: env.chain, transport: http(env.rpcUrl) });
    const hash = await wallet.writeContract({
      address: issued.contract,
      abi: eventTicketAbi,
      functionName: "claim",
      args: [toContractVoucher(issued.voucher), issued.signature],
      value: BigInt(issued.price),
    });
    const receipt = await env.publicClient.waitForTransactionReceipt({ hash });
    const [minted] = parseEventLogs({ abi: eventTicketAbi, eventName: "TicketsMinted", logs: receipt.logs });
    if (receipt.status === "success" && minted)
      out.bought = { first: minted.args.firstTokenId, count: Number(minted.args.count) };
  } catch (err) {
    out.refusal =
      err instanceof OnsaleApiError
        ? err.code
        : ((err as Error).message.match(/EventTicket\w+/)?.[0] ?? (err as Error).message.split("\n")[0]);
  }
  return out;
}
