/**
 * Test fixture: drives a realistic mix of every log the indexer handles (tiered events, every
 * mint path, primary sales, transfers, market listings, sales, cancellations, check-ins,
 * recovery, event cancellation and refunds) through any viem wallet clients: Hardhat's
 * in-process ones or a local node's unlocked accounts.
 */
import {
  parseEther,
  parseEventLogs,
  zeroHash,
  type Abi,
  type Address,
  type PublicClient,
  type WalletClient,
} from "viem";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

export type Actors = {
  publicClient: PublicClient;
  /** [organizer (also the gate), fan, fan, fan, ...] */
  wallets: WalletClient[];
  factory: Address;
};

export const TIER0_FACE = parseEther("0.01");
export const TIER1_FACE = parseEther("0.02");

export function chainActivity(actors: Actors) {
  const { publicClient, wallets, factory } = actors;
  const organizer = wallets[0]!;
  let marketAddress: Address | undefined;

  async function send(
    wallet: WalletClient,
    call: { address: Address; abi: Abi; functionName: string; args?: readonly unknown[]; value?: bigint },
  ) {
    const hash = await wallet.writeContract({ ...call, account: wallet.account!, chain: wallet.chain } as never);
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`${call.functionName} reverted (${hash})`);
    return receipt;
  }

  async function market(): Promise<Address> {
    marketAddress ??= await publicClient.readContract({
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "market",
    });
    return marketAddress;
  }

  /** Two tiers: 0 Free (cap 150 %), 1 MarketOnly (cap 100 %, zones general + VIP); 5 % royalty. */
  async function createTieredEvent(name: string): Promise<Address> {
    const block = await publicClient.getBlock();
    const startTime = block.timestamp + 30n * 86_400n;
    const receipt = await send(organizer, {
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name,
          symbol: "FG",
          startTime,
          endTime: startTime + 86_400n,
          lockWindow: 0,
          maxPerWallet: 0,
          maxPerIdentity: 0,
          royaltyBps: 500,
          voucherSigner: "0x0000000000000000000000000000000000000000",
          currency: "0x0000000000000000000000000000000000000000",
        },
        [
          {
            faceValue: TIER0_FACE,
            supply: 1000,
            zones: 1,
            mode: 0,
            resaleCapBps: 15_000,
            voucherOnly: false,
            reserved: false,
          },
          {
            faceValue: TIER1_FACE,
            supply: 100,
            zones: 3,
            mode: 1,
            resaleCapBps: 10_000,
            voucherOnly: false,
            reserved: false,
          },
        ],
      ],
    });
    const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
    return created!.args.ticket;
  }

  async function totalMinted(ticket: Address): Promise<bigint> {
    return publicClient.readContract({ address: ticket, abi: eventTicketAbi, functionName: "totalMinted" });
  }

  /**
   * One round of everything on `ticket`; `variant` changes who gets what, so two branches of a
   * reorg differ. About 15 transactions.
   */
  async function scenario(ticket: Address, variant = 0): Promise<void> {
    const fans = wallets.slice(1, 4);
    const [f1, f2, f3] = [fans[variant % 3]!, fans[(variant + 1) % 3]!, fans[(variant + 2) % 3]!];
    const m = await market();
    const base = await totalMinted(ticket);
    const id = (n: number) => base + BigInt(n);
    const t = { address: ticket, abi: eventTicketAbi as Abi };

    await send(organizer, {
      ...t,
      functionName: "mintTier",
      args: [0, ORGANIZER_CHANNEL, [f1.account!.address, f2.account!.address, f3.account!.address]],
    }); // 1..3 complimentary
    await send(f1, { ...t, functionName: "buy", args: [1, 1n], value: TIER1_FACE }); // 4 paid
    await send(organizer, { ...t, functionName: "mintTo", args: [1, ORGANIZER_CHANNEL, f1.account!.address, 1n] }); // 5 complimentary
    await send(f2, { ...t, functionName: "buy", args: [0, 2n], value: TIER0_FACE * 2n }); // 6..7 paid
    await send(f1, { ...t, functionName: "transferFrom", args: [f1.account!.address, f3.account!.address, id(1)] });
    // A market sale of a MarketOnly ticket: a bought one (complimentary tickets change hands on the market only at 0).
    await send(f1, { ...t, functionName: "setApprovalForAll", args: [m, true] });
    const salePrice = TIER1_FACE - BigInt(variant);
    await send(f1, { address: m, abi: resaleMarketAbi, functionName: "list", args: [ticket, id(4), salePrice] });
    await send(f2, {
      address: m,
      abi: resaleMarketAbi,
      functionName: "buy",
      args: [ticket, id(4), salePrice],
      value: salePrice,
    });
    // A complimentary ticket offered as a free hand-over (price 0), replaced, then cancelled; another listing left open.
    await send(f3, { ...t, functionName: "setApprovalForAll", args: [m, true] });
    await send(f3, { address: m, abi: resaleMarketAbi, functionName: "list", args: [ticket, id(1), 0n] });
    await send(f3, { address: m, abi: resaleMarketAbi, functionName: "list", args: [ticket, id(1), 0n] });
    await send(f3, { address: m, abi: resaleMarketAbi, functionName: "cancel", args: [ticket, id(1)] });
    await send(f2, { ...t, functionName: "setApprovalForAll", args: [m, true] });
    await send(f2, {
      address: m,
      abi: resaleMarketAbi,
      functionName: "list",
      args: [ticket, id(6 + (variant % 2)), TIER0_FACE + BigInt(variant)],
    });
    // Door and lost-wallet paths.
    const gateRole = await publicClient.readContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "GATE_ROLE",
    });
    await send(organizer, { ...t, functionName: "grantRole", args: [gateRole, organizer.account!.address] });
    await send(organizer, {
      ...t,
      functionName: "checkIn",
      args: [[id(2), id(3 - (variant % 2))].filter((v, i, a) => a.indexOf(v) === i)],
    });
    await send(organizer, { ...t, functionName: "recoverTicket", args: [id(5), f3.account!.address, zeroHash] });
  }

  /**
   * Cancels `ticket` and refunds the paid tickets its fans may claim: each to its `refundHolder` (the
   * holder, or for a recovered ticket the wallet it was recovered from; zero for complimentary).
   */
  async function cancelAndRefund(ticket: Address): Promise<void> {
    await send(organizer, { address: ticket, abi: eventTicketAbi, functionName: "cancelEvent" });
    const paid: { wallet: WalletClient; id: bigint }[] = [];
    const total = await totalMinted(ticket);
    for (let id = 1n; id <= total; id++) {
      const holder = await publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "refundHolder",
        args: [id],
      });
      const wallet = wallets.find((w) => w.account!.address.toLowerCase() === holder.toLowerCase());
      if (wallet) paid.push({ wallet, id });
    }
    for (const p of paid)
      await send(p.wallet, { address: ticket, abi: eventTicketAbi, functionName: "refund", args: [[p.id]] });
  }

  /** Plain transfers between fans of already minted Free tickets (cheap volume). */
  async function shuffle(ticket: Address, count: number, seed: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const total = await totalMinted(ticket);
      const id = BigInt(((seed * 7919 + i * 104_729) % Number(total)) + 1);
      const owner = await publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "ownerOf",
        args: [id],
      });
      const from = wallets.find((w) => w.account!.address.toLowerCase() === owner.toLowerCase());
      const tier = await publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "tierOf",
        args: [id],
      });
      const checked = await publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [id],
      });
      if (!from || tier !== 0 || checked) continue;
      const to = wallets[1 + ((wallets.indexOf(from) + i) % (wallets.length - 1))]!;
      if (to === from) continue;
      await send(from, {
        address: ticket,
        abi: eventTicketAbi,
        functionName: "transferFrom",
        args: [from.account!.address, to.account!.address, id],
      });
    }
  }

  return { send, market, createTieredEvent, scenario, cancelAndRefund, shuffle, totalMinted };
}
