/**
 * A generated event where non-public tickets leak, for the leak report's e2e test and
 * `npx tsx scripts/demo-leaks.ts`. Channels: public 85, sponsor 10 (MarketOnly), staff 3 (Locked),
 * artist 2 (Free). Then, on chain:
 *   - fans buy publicly;
 *   - the sponsor hands two of its tickets over through the official market (their MarketOnly
 *     channel allows no other way) to a fan and to a scalper. Sponsor tickets are complimentary, and
 *     a ticket without a refund right changes hands on the market only at price 0 (EventTicket's sale
 *     rule): whatever the scalper pays the sponsor, it pays off chain, which is what the leak report
 *     exists to surface;
 *   - the scalper passes its ticket on the same way to a second fan (sponsor → scalper → fan: two
 *     market hand-overs at price 0);
 *   - a third sponsor ticket is offered on the market (price 0), then withdrawn;
 *   - a sponsor ticket is minted straight to a wallet that also bought publicly;
 *   - the artist gives a ticket to a friend, who gives it on to a fan (two transfers);
 *   - staff tickets cannot leak: listing one, even for nothing, is refused (Locked channel:
 *     `MarketTicketNotForSale`, reason Soulbound), so they stay out.
 * Accounts by index: 0 organizer, 1 sponsor, 2 staff, 3 artist, 4 friend, 5 scalper, 6..9 fans.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  parseEther,
  parseEventLogs,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { eventTicketAbi, resaleMarketAbi as marketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { encodeChannelRules } from "../../lib/channels";
import { saleBlockName } from "../../lib/sale-terms";

export type LeakScenario = {
  event: Address;
  sponsorTokens: bigint[];
  staffTokens: bigint[];
  artistTokens: bigint[];
  listingOfStaffRefused: boolean;
};

const FACE = parseEther("0.05");

export async function runLeakScenario(o: {
  publicClient: PublicClient;
  wallets: WalletClient[];
  factory: Address;
  market: Address;
  name?: string;
}): Promise<LeakScenario> {
  const { publicClient, wallets, factory, market } = o;
  if (wallets.length < 10) throw new Error(`the leak scenario needs 10 accounts, got ${wallets.length}`);
  const [org, sponsor, staff, artist, friend, scalper, fan1, fan2, fan3, fan4] = wallets;
  const addr = (w: WalletClient) => w.account!.address;
  const send = async (
    w: WalletClient,
    call: { address: Address; functionName: string; args?: readonly unknown[]; value?: bigint; abi?: unknown },
  ) => {
    const hash = await w.writeContract({ abi: eventTicketAbi, ...call, account: w.account!, chain: w.chain } as never);
    const receipt = await publicClient.waitForTransactionReceipt({ hash: hash as Hex });
    if (receipt.status !== "success") throw new Error(`${call.functionName} reverted (${hash})`);
    return receipt;
  };
  const minted = (logs: readonly unknown[]) =>
    parseEventLogs({ abi: eventTicketAbi, eventName: "Transfer", logs: logs as never }).map((l) => l.args.tokenId);

  const startTime = BigInt(Math.floor(Date.now() / 1000) + 30 * 24 * 3600);
  const created = await send(org!, {
    abi: ticketFactoryAbi,
    address: factory,
    functionName: "createEventWithTiers",
    args: [
      {
        name: o.name ?? "Leaky Arena Night",
        symbol: "LEAK",
        startTime,
        endTime: startTime + 6n * 3600n,
        lockWindow: 0,
        maxPerWallet: 0,
        maxPerIdentity: 0,
        royaltyBps: 500,
        voucherSigner: "0x0000000000000000000000000000000000000000",
        currency: "0x0000000000000000000000000000000000000000",
      },
      [{ faceValue: FACE, supply: 100, zones: 1, mode: 0, resaleCapBps: 15_000, voucherOnly: false, reserved: false }],
    ],
  });
  const [ev] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: created.logs });
  const event = ev!.args.ticket;
  const { channelRules, names } = encodeChannelRules([
    { id: 0, quota: 85 },
    { id: 1, quota: 10, mode: "MarketOnly" },
    { id: 2, quota: 3, mode: "Locked" },
    { id: 3, quota: 2 },
  ]);
  await send(org!, { address: event, functionName: "configureRules", args: [channelRules, 0n, names] });

  // Public sale.
  for (const fan of [fan1, fan2, fan3])
    await send(fan!, { address: event, functionName: "buy", args: [0, 1n], value: FACE });
  // Non-public allocations.
  const sponsorTokens = minted(
    (await send(org!, { address: event, functionName: "mintTo", args: [0, 1, addr(sponsor!), 4n] })).logs,
  );
  const toPublicBuyer = minted(
    (await send(org!, { address: event, functionName: "mintTo", args: [0, 1, addr(fan3!), 1n] })).logs,
  );
  const staffTokens = minted(
    (await send(org!, { address: event, functionName: "mintTo", args: [0, 2, addr(staff!), 2n] })).logs,
  );
  const artistTokens = minted(
    (await send(org!, { address: event, functionName: "mintTo", args: [0, 3, addr(artist!), 2n] })).logs,
  );

  const list = async (seller: WalletClient, tokenId: bigint, price: bigint) => {
    await send(seller, { address: event, functionName: "approve", args: [market, tokenId] });
    await send(seller, { abi: marketAbi, address: market, functionName: "list", args: [event, tokenId, price] });
  };
  // The buyer names the listing's price (here always 0: a complimentary ticket has no refund right to sell).
  const take = (buyer: WalletClient, tokenId: bigint) =>
    send(buyer, { abi: marketAbi, address: market, functionName: "buy", args: [event, tokenId, 0n], value: 0n });

  // Sponsor hands two tickets over on the official market.
  await list(sponsor!, sponsorTokens[0]!, 0n);
  await take(fan4!, sponsorTokens[0]!);
  await list(sponsor!, sponsorTokens[1]!, 0n);
  await take(scalper!, sponsorTokens[1]!);
  await list(scalper!, sponsorTokens[1]!, 0n);
  await take(fan1!, sponsorTokens[1]!);
  // A third sponsor ticket is listed, then the listing withdrawn: still reported (it was offered).
  await list(sponsor!, sponsorTokens[2]!, 0n);
  await send(sponsor!, { abi: marketAbi, address: market, functionName: "cancel", args: [event, sponsorTokens[2]!] });
  // Artist → friend → fan (free transfers).
  await send(artist!, {
    address: event,
    functionName: "transferFrom",
    args: [addr(artist!), addr(friend!), artistTokens[0]!],
  });
  await send(friend!, {
    address: event,
    functionName: "transferFrom",
    args: [addr(friend!), addr(fan2!), artistTokens[0]!],
  });
  // Staff: Locked by channel rule, so the market refuses the listing, even at price 0.
  let listingOfStaffRefused = false;
  try {
    await send(staff!, { abi: marketAbi, address: market, functionName: "list", args: [event, staffTokens[0]!, 0n] });
  } catch (e) {
    const revert =
      e instanceof BaseError
        ? (e.walk((x) => x instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null)
        : null;
    listingOfStaffRefused =
      revert?.data?.errorName === "MarketTicketNotForSale" && saleBlockName(revert.data.args?.[1]) === "Soulbound";
  }
  return {
    event,
    sponsorTokens: [...sponsorTokens, ...toPublicBuyer],
    staffTokens,
    artistTokens,
    listingOfStaffRefused,
  };
}
