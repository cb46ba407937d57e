/**
 * A seeded random workload of single transactions on one event: mint, primary buy, transfer,
 * list (a bought ticket under its cap, a complimentary one at 0), buy a listing, cancel a listing,
 * check-in. Each op picks its ticket and actors at random
 * and may revert (a ticket checked in, a listing gone): a reverted op sends nothing and is counted
 * as skipped, so any sequence is valid on any branch of a reorg.
 */
import { keccak256, toHex, type Abi, type Address, type PublicClient, type WalletClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { chainActivity, TIER0_FACE } from "../../indexer/testing/activity";
import { SALE_BLOCKS } from "../../lib/sale-terms";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

export const OPS = ["mint", "buy", "transfer", "list", "buyListing", "cancelListing", "checkIn"] as const;
export type Op = (typeof OPS)[number];

export type Workload = Awaited<ReturnType<typeof mixedWorkload>>;

/** `SaleBlock.NotRefundable` (lib/sale-terms): complimentary or recovered, only price 0 on the market. */
const NOT_REFUNDABLE = SALE_BLOCKS.indexOf("NotRefundable");

/** `wallets[0]` is the organizer (minter, gate); the rest are fans. Sets up approvals and the gate role once. */
export async function mixedWorkload(o: {
  publicClient: PublicClient;
  wallets: WalletClient[];
  factory: Address;
  name: string;
}) {
  const activity = chainActivity({ publicClient: o.publicClient, wallets: o.wallets, factory: o.factory });
  const { send } = activity;
  const ticket = await activity.createTieredEvent(o.name);
  const market = await activity.market();
  const organizer = o.wallets[0]!;
  const fans = o.wallets.slice(1);
  const t = { address: ticket, abi: eventTicketAbi as Abi };
  await send(organizer, {
    ...t,
    functionName: "grantRole",
    args: [keccak256(toHex("GATE_ROLE")), organizer.account!.address],
  });
  for (const f of fans) await send(f, { ...t, functionName: "setApprovalForAll", args: [market, true] });
  await send(organizer, {
    ...t,
    functionName: "mintTier",
    args: [0, ORGANIZER_CHANNEL, fans.map((f) => f.account!.address)],
  });

  const read = <T>(functionName: string, args: unknown[]) =>
    o.publicClient.readContract({ address: ticket, abi: eventTicketAbi as Abi, functionName, args }) as Promise<T>;
  const walletOf = (a: string) => fans.find((f) => f.account!.address.toLowerCase() === a.toLowerCase());

  const listed: bigint[] = [];

  /** Runs one random op; true when a transaction was mined. */
  async function step(random: () => number): Promise<{ op: Op; sent: boolean }> {
    const op = OPS[Math.floor(random() * OPS.length)]!;
    const fan = fans[Math.floor(random() * fans.length)]!;
    const other = fans[(fans.indexOf(fan) + 1 + Math.floor(random() * (fans.length - 1))) % fans.length]!;
    const total = Number(await activity.totalMinted(ticket));
    // Listing ops mostly pick a ticket listed before (maybe on a branch since replaced: reads check).
    const id =
      (op === "buyListing" || op === "cancelListing") && listed.length > 0 && random() < 0.8
        ? listed[Math.floor(random() * listed.length)]!
        : BigInt(1 + Math.floor(random() * total));
    try {
      if (op === "mint")
        await send(organizer, {
          ...t,
          functionName: "mintTier",
          args: [Math.floor(random() * 2), ORGANIZER_CHANNEL, [fan.account!.address]],
        });
      else if (op === "buy") await send(fan, { ...t, functionName: "buy", args: [0, 1n], value: TIER0_FACE });
      else if (op === "checkIn") await send(organizer, { ...t, functionName: "checkIn", args: [[id]] });
      else {
        const owner = walletOf(await read<string>("ownerOf", [id]));
        if (!owner) return { op, sent: false };
        const to = owner === other ? fan : other;
        if (op === "transfer")
          await send(owner, {
            ...t,
            functionName: "transferFrom",
            args: [owner.account!.address, to.account!.address, id],
          });
        else if (op === "list") {
          // The ticket's sale rule: a complimentary (organizer-minted) ticket goes on the market only at 0, a free hand-over.
          const terms = await read<{ maxPrice: bigint; blocker: number }>("saleTerms", [id]);
          const under = BigInt(Math.floor(random() * 1000));
          const price = terms.blocker === NOT_REFUNDABLE ? 0n : terms.maxPrice - under;
          await send(owner, {
            address: market,
            abi: resaleMarketAbi as Abi,
            functionName: "list",
            args: [ticket, id, price],
          });
          listed.push(id);
        } else {
          const [seller, price] = (await o.publicClient.readContract({
            address: market,
            abi: resaleMarketAbi,
            functionName: "listings",
            args: [ticket, id],
          })) as readonly [Address, bigint];
          if (/^0x0{40}$/.test(seller)) return { op, sent: false };
          if (op === "cancelListing")
            await send(owner, {
              address: market,
              abi: resaleMarketAbi as Abi,
              functionName: "cancel",
              args: [ticket, id],
            });
          else
            await send(to, {
              address: market,
              abi: resaleMarketAbi as Abi,
              functionName: "buy",
              args: [ticket, id, price],
              value: price,
            });
        }
      }
      return { op, sent: true };
    } catch {
      return { op, sent: false }; // reverted in simulation: nothing was sent
    }
  }

  /** Runs ops until `txs` were mined (or `4 × txs` attempts); returns how many of each kind were mined. */
  async function run(random: () => number, txs: number): Promise<Record<Op, number>> {
    const done = Object.fromEntries(OPS.map((k) => [k, 0])) as Record<Op, number>;
    let mined = 0;
    for (let attempt = 0; attempt < txs * 4 && mined < txs; attempt++) {
      const r = await step(random);
      if (r.sent) {
        done[r.op]++;
        mined++;
      }
    }
    return done;
  }

  return { ticket, market, step, run };
}
