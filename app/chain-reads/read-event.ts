import type { Address, PublicClient } from "viem";
import type { Currency } from "../../lib/currency/currency";
import { readCurrency } from "../../lib/currency/read-currency";
import { eventTicketAbi } from "../../lib/generated/abis";

export type TierView = {
  id: number;
  faceValue: bigint;
  supply: number;
  minted: number;
  zones: number;
  mode: number;
  resaleCapBps: number;
  voucherOnly: boolean;
  /** Reserved seating: sold seat by seat on the seat map (`buySeats`). */
  reserved: boolean;
};

export type EventView = {
  address: Address;
  name: string;
  symbol: string;
  organizer: Address;
  market: Address;
  startTime: bigint;
  endTime: bigint;
  lockWindow: number;
  maxPerWallet: number;
  maxPerIdentity: number;
  /** Who signs vouchers (zero address: vouchers off). */
  voucherSigner: Address;
  royaltyBps: number;
  cancelled: boolean;
  totalMinted: bigint;
  escrowBalance: bigint;
  /** What face values, escrow and resale prices are in (the native coin, or an ERC-20). */
  currency: Currency;
  tiers: TierView[];
};

/**
 * An event's rules, tiers and live counters, read from its EventTicket contract. (No multicall:
 * the local Hardhat chain has no Multicall3; a handful of parallel reads is fine.)
 *
 * @example
 * const event = await readEvent(publicClient, "0x…");
 */
export async function readEvent(client: PublicClient, address: Address): Promise<EventView> {
  const read = <const F extends string>(functionName: F) => client.readContract({ address, abi: eventTicketAbi, functionName } as never) as Promise<unknown>;
  const [name, symbol, organizer, market, startTime, endTime, lockWindow, maxPerWallet, royaltyBps, cancelled, totalMinted, escrowBalance, tierCount, maxPerIdentity, voucherSigner, currencyAddress] =
    await Promise.all([
      read("name"),
      read("symbol"),
      read("organizer"),
      read("market"),
      read("startTime"),
      read("endTime"),
      read("lockWindow"),
      read("maxPerWallet"),
      read("royaltyBps"),
      read("cancelled"),
      read("totalMinted"),
      read("escrowBalance"),
      read("tierCount"),
      read("maxPerIdentity"),
      read("voucherSigner"),
      read("currency"),
    ]);
  const currency = await readCurrency(client, currencyAddress as Address);
  const tiers = await Promise.all(
    Array.from({ length: Number(tierCount) }, async (_, id) => {
      const [config, minted] = await Promise.all([
        client.readContract({ address, abi: eventTicketAbi, functionName: "tier", args: [id] }),
        client.readContract({ address, abi: eventTicketAbi, functionName: "tierMinted", args: [id] }),
      ]);
      return {
        id,
        faceValue: config.faceValue,
        supply: Number(config.supply),
        minted: Number(minted),
        zones: Number(config.zones),
        mode: Number(config.mode),
        resaleCapBps: Number(config.resaleCapBps),
        voucherOnly: config.voucherOnly,
        reserved: config.reserved,
      } satisfies TierView;
    }),
  );
  return {
    address,
    name: name as string,
    symbol: symbol as string,
    organizer: organizer as Address,
    market: market as Address,
    startTime: startTime as bigint,
    endTime: endTime as bigint,
    lockWindow: Number(lockWindow),
    maxPerWallet: Number(maxPerWallet),
    maxPerIdentity: Number(maxPerIdentity),
    voucherSigner: voucherSigner as Address,
    royaltyBps: Number(royaltyBps),
    cancelled: cancelled as boolean,
    totalMinted: totalMinted as bigint,
    escrowBalance: escrowBalance as bigint,
    currency,
    tiers,
  };
}
