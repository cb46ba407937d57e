/**
 * After the sell-out, every scalper (bot, hoarder, tout) tries to sell each ticket off-market at 3×
 * face to a fan who got none: an OTC deal settled by a plain transfer. Where the tier refuses that
 * (MarketOnly), the scalper's best remaining move is to recoup on the official market at the cap,
 * and fans still without a ticket buy there. Both paths run against the real contracts. Where the
 * sale put the buyer's identity on the voucher, the market refuses the ticket too (its sale rule:
 * `MarketTicketNotForSale`, reason Named): the scalper is left holding it.
 */
import { createWalletClient, http, type Address } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../../lib/generated/abis";
import type { AgentEnv, AgentOutcome } from "./run-agent";

export type AftermarketResult = {
  /** tickets a scalper sold off-market (above face) */
  resoldAboveFace: number;
  /** off-market transfers the contract refused */
  offMarketBlocked: number;
  /** tickets bought by fans on the official market at or under the cap */
  resoldOnMarket: number;
};

/** Scalpers run a few at a time; each sends its own transactions in order (one nonce stream each). */
const CONCURRENT_SCALPERS = 16;

export async function runAftermarket(
  outcomes: AgentOutcome[],
  env: AgentEnv,
  contract: Address,
  market: Address,
): Promise<AftermarketResult> {
  const buyers = outcomes.filter((o) => o.agent.kind === "fan" && !o.bought).map((o) => o.agent);
  const scalpers = outcomes.filter((o) => o.agent.kind !== "fan" && o.bought);
  const result: AftermarketResult = { resoldAboveFace: 0, offMarketBlocked: 0, resoldOnMarket: 0 };
  for (let i = 0; i < scalpers.length; i += CONCURRENT_SCALPERS) {
    await Promise.all(
      scalpers.slice(i, i + CONCURRENT_SCALPERS).map((s) => sellAll(s, buyers, env, contract, market, result)),
    );
  }
  return result;
}

async function sellAll(
  scalper: AgentOutcome,
  buyers: AgentOutcome["agent"][],
  env: AgentEnv,
  contract: Address,
  market: Address,
  result: AftermarketResult,
) {
  const account = scalper.agent.account;
  const wallet = createWalletClient({ account, chain: env.chain, transport: http(env.rpcUrl) });
  let approved = false;
  for (let i = 0; i < scalper.bought!.count; i++) {
    const buyer = buyers.shift();
    if (!buyer) return;
    const tokenId = scalper.bought!.first + BigInt(i);
    try {
      const hash = await wallet.writeContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "transferFrom",
        args: [account.address, buyer.account.address, tokenId],
      });
      if ((await env.publicClient.waitForTransactionReceipt({ hash })).status === "success") {
        result.resoldAboveFace++;
        continue;
      }
    } catch {
      result.offMarketBlocked++; // MarketOnly / Locked: the contract refuses the transfer
    }
    try {
      if (!approved) {
        const hash = await wallet.writeContract({
          address: contract,
          abi: eventTicketAbi,
          functionName: "setApprovalForAll",
          args: [market, true],
        });
        await env.publicClient.waitForTransactionReceipt({ hash });
        approved = true;
      }
      const cap = await env.publicClient.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "maxResalePrice",
        args: [tokenId],
      });
      const listed = await wallet.writeContract({
        address: market,
        abi: resaleMarketAbi,
        functionName: "list",
        args: [contract, tokenId, cap],
      });
      await env.publicClient.waitForTransactionReceipt({ hash: listed });
      const fan = createWalletClient({ account: buyer.account, chain: env.chain, transport: http(env.rpcUrl) });
      const bought = await fan.writeContract({
        address: market,
        abi: resaleMarketAbi,
        functionName: "buy",
        args: [contract, tokenId, cap],
        value: cap,
      });
      if ((await env.publicClient.waitForTransactionReceipt({ hash: bought })).status === "success")
        result.resoldOnMarket++;
    } catch (err) {
      env.log?.(`official resale of ${tokenId} failed: ${(err as Error).message.split("\n")[0]}`);
      buyers.unshift(buyer);
    }
  }
}
