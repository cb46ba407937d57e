/**
 * One rule set: a fresh event (real contracts), a sale in the real waiting room, every agent
 * running at once, the aftermarket (scalpers selling off-market, or on the official market where the
 * tier refuses that), then the tally from the indexer.
 */
import {
  getAddress,
  parseEther,
  parseEventLogs,
  type Address,
  type Chain,
  type PublicClient,
  type WalletClient,
} from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import type { Agent, AgentKind } from "./population";
import type { RuleSet } from "./rule-sets";
import { runAftermarket } from "./aftermarket";
import { runAgent, type AgentEnv, type AgentOutcome } from "./run-agent";

export const FACE = parseEther("0.01");

export type RuleSetResult = {
  rules: RuleSet;
  supply: number;
  sold: number;
  /** tickets per class when the primary sale ended */
  primaryHeld: Record<AgentKind, number>;
  /** tickets per class at the end, from the indexer */
  held: Record<AgentKind, number>;
  resoldAboveFace: number;
  offMarketBlocked: number;
  resoldOnMarket: number;
  fansServed: number;
  fansTotal: number;
  medianFanWaitSeconds: number | null;
  joins: Record<AgentKind, number>;
  refusals: Record<string, number>;
  seconds: number;
};

export type SimContext = {
  rpcUrl: string;
  indexerUrl: string;
  adminToken: string;
  chain: Chain;
  publicClient: PublicClient;
  organizer: WalletClient;
  factory: Address;
  fetch: typeof fetch;
  enableKyc: (saleId: string) => void;
  log: (line: string) => void;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runRuleSet(
  ctx: SimContext,
  rules: RuleSet,
  agents: Agent[],
  supply: number,
  index: number,
): Promise<RuleSetResult> {
  const started = Date.now();
  const contract = await createEvent(ctx, rules, supply, index);
  const saleId = `sim-${index}-${rules.name.replace(/[^a-z0-9]+/g, "-")}`.replace(/-+$/, "");
  if (rules.kyc) ctx.enableKyc(saleId);
  const opensAtMs = Date.now() + 4_000;
  const res = await ctx.fetch(`${ctx.indexerUrl}/onsale/sales`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.adminToken}` },
    body: JSON.stringify({
      id: saleId,
      contract,
      tier: 0,
      opensAt: new Date(opensAtMs).toISOString(),
      admitPerSecond: 100,
      lottery: rules.lottery,
      powBits: rules.powBits,
      maxPerIdentity: rules.perPerson,
      identityRequired: rules.identityRequired,
      ipJoinsPerMinute: rules.ipJoinsPerMinute,
      walletRequestsPerMinute: rules.walletRequestsPerMinute,
      admissionTtlSeconds: 180,
      // Long: with automine every block is ≥ 1 s after the last, so the node's clock runs ahead of the wall clock.
      voucherTtlSeconds: 3_600,
    }),
  });
  if (res.status !== 201) throw new Error(`create sale: ${res.status} ${await res.text()}`);

  let soldOut = false;
  const watcher = (async () => {
    while (!soldOut && Date.now() < opensAtMs + 60_000) {
      const minted = await ctx.publicClient.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "tierMinted",
        args: [0],
      });
      if (Number(minted) >= supply) soldOut = true;
      else await sleep(250);
    }
  })();
  const env: AgentEnv = {
    base: ctx.indexerUrl,
    saleId,
    powBits: rules.powBits,
    perPerson: rules.perPerson,
    opensAtMs,
    fetch: ctx.fetch,
    chain: ctx.chain,
    rpcUrl: ctx.rpcUrl,
    publicClient: ctx.publicClient,
    soldOut: () => soldOut,
    deadlineMs: opensAtMs + 60_000,
    log: ctx.log,
  };
  const outcomes = await Promise.all(agents.map((a) => runAgent(a, env)));
  soldOut = true;
  await watcher;

  const primaryHeld = { fan: 0, bot: 0, hoarder: 0, tout: 0 } as Record<AgentKind, number>;
  for (const o of outcomes) if (o.bought) primaryHeld[o.agent.kind] += o.bought.count;
  const market = await ctx.publicClient.readContract({
    address: ctx.factory,
    abi: ticketFactoryAbi,
    functionName: "market",
  });
  const after = await runAftermarket(outcomes, env, contract, market);

  const { held, fansServed } = await tallyFromIndexer(ctx, contract, outcomes);
  const sold = Number(
    await ctx.publicClient.readContract({ address: contract, abi: eventTicketAbi, functionName: "totalMinted" }),
  );
  const heldTotal = Object.values(held).reduce((a, b) => a + b, 0);
  if (heldTotal !== sold) throw new Error(`indexer tally ${heldTotal} ≠ ${sold} minted on chain for ${rules.name}`);
  const waits = outcomes
    .filter((o) => o.agent.kind === "fan" && o.waitMs !== null)
    .map((o) => o.waitMs!)
    .sort((a, b) => a - b);
  const count = (pred: (o: AgentOutcome) => boolean) => {
    const out = { fan: 0, bot: 0, hoarder: 0, tout: 0 } as Record<AgentKind, number>;
    for (const o of outcomes) if (pred(o)) out[o.agent.kind]++;
    return out;
  };
  const refusals: Record<string, number> = {};
  for (const o of outcomes) if (o.refusal) refusals[o.refusal] = (refusals[o.refusal] ?? 0) + 1;
  return {
    rules,
    supply,
    sold,
    primaryHeld,
    held,
    ...after,
    fansServed,
    fansTotal: outcomes.filter((o) => o.agent.kind === "fan").length,
    medianFanWaitSeconds: waits.length ? waits[Math.floor(waits.length / 2)]! / 1000 : null,
    joins: count((o) => o.joined),
    refusals,
    seconds: (Date.now() - started) / 1000,
  };
}

async function createEvent(ctx: SimContext, rules: RuleSet, supply: number, index: number): Promise<Address> {
  const start = BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400);
  const hash = await ctx.organizer.writeContract({
    address: ctx.factory,
    abi: ticketFactoryAbi,
    functionName: "createEventWithTiers",
    args: [
      {
        name: `On-sale simulation ${index}: ${rules.name}`,
        symbol: "SIM",
        startTime: start,
        endTime: start + 86_400n,
        lockWindow: 0,
        maxPerWallet: rules.contractMaxPerWallet,
        maxPerIdentity: rules.contractMaxPerIdentity,
        royaltyBps: 0,
        voucherSigner: ctx.organizer.account!.address,
        currency: "0x0000000000000000000000000000000000000000",
      },
      [
        {
          faceValue: FACE,
          supply,
          zones: 1,
          mode: rules.mode,
          resaleCapBps: 10_000,
          voucherOnly: true,
          reserved: false,
        },
      ],
    ],
    account: ctx.organizer.account!,
    chain: ctx.chain,
  });
  const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash });
  return parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })[0]!.args.ticket;
}

/** Waits for the indexer to reach the chain head, then counts each class's tickets from /tickets?owner=. */
async function tallyFromIndexer(ctx: SimContext, contract: Address, outcomes: AgentOutcome[]) {
  const head = Number(await ctx.publicClient.getBlockNumber());
  for (let i = 0; i < 600; i++) {
    const h = (await (await ctx.fetch(`${ctx.indexerUrl}/health`)).json()) as { indexedBlock: number };
    if (h.indexedBlock >= head) break;
    await sleep(100);
  }
  const held = { fan: 0, bot: 0, hoarder: 0, tout: 0 } as Record<AgentKind, number>;
  let fansServed = 0;
  const counts = await Promise.all(outcomes.map((o) => ticketsOf(ctx, contract, o.agent.account.address)));
  outcomes.forEach((o, i) => {
    held[o.agent.kind] += counts[i]!;
    if (o.agent.kind === "fan" && counts[i]! > 0) fansServed++;
  });
  return { held, fansServed };
}

async function ticketsOf(ctx: SimContext, contract: Address, owner: Address): Promise<number> {
  const res = await ctx.fetch(`${ctx.indexerUrl}/tickets?owner=${owner}&limit=500`);
  const body = (await res.json()) as { tickets: { contract: string }[] };
  return body.tickets.filter((t) => getAddress(t.contract) === contract).length;
}
