import {
  erc20Abi,
  getAddress,
  zeroAddress,
  type Address,
  type ContractFunctionParameters,
  type ContractFunctionReturnType,
  type MulticallReturnType,
  type PublicClient,
} from "viem";
import { NATIVE_CURRENCY, type Currency } from "../../lib/currency/currency";
import { CurrencyReadError } from "../../lib/currency/read-currency";
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

/** Calldata bytes per Multicall3 call: a ticket page's reads (~30 calls, ~1.2 kB) fit in one. */
export const MULTICALL_BATCH_BYTES = 16_384;

/** The event's scalar views, in the order {@link eventViewOf} reads their results. */
export function eventCalls(address: Address) {
  const base = { address, abi: eventTicketAbi } as const;
  return [
    { ...base, functionName: "name" },
    { ...base, functionName: "symbol" },
    { ...base, functionName: "organizer" },
    { ...base, functionName: "market" },
    { ...base, functionName: "startTime" },
    { ...base, functionName: "endTime" },
    { ...base, functionName: "lockWindow" },
    { ...base, functionName: "maxPerWallet" },
    { ...base, functionName: "royaltyBps" },
    { ...base, functionName: "cancelled" },
    { ...base, functionName: "totalMinted" },
    { ...base, functionName: "escrowBalance" },
    { ...base, functionName: "tierCount" },
    { ...base, functionName: "maxPerIdentity" },
    { ...base, functionName: "voucherSigner" },
    { ...base, functionName: "currency" },
  ] as const;
}

export type EventScalars = MulticallReturnType<ReturnType<typeof eventCalls>, false>;

/** Everything that needs the scalars first: each tier's config and count, the currency's symbol and decimals. */
export function eventDetailCalls(address: Address, scalars: EventScalars) {
  const tiers = Array.from({ length: Number(scalars[12]) }, (_, id) => id);
  const currency = scalars[15];
  return {
    tiers: tiers.map((id) => ({ address, abi: eventTicketAbi, functionName: "tier", args: [id] }) as const),
    minted: tiers.map((id) => ({ address, abi: eventTicketAbi, functionName: "tierMinted", args: [id] }) as const),
    currency:
      currency === zeroAddress
        ? []
        : ([
            { address: currency, abi: erc20Abi, functionName: "symbol" },
            { address: currency, abi: erc20Abi, functionName: "decimals" },
          ] as const),
  };
}

/**
 * Reads the detail calls in one multicall alongside `extra` (the caller's own second-stage calls),
 * and returns the event and the extra results.
 */
export async function readEventDetail<const E extends readonly ContractFunctionParameters[]>(
  client: PublicClient,
  address: Address,
  scalars: EventScalars,
  extra: E,
): Promise<{ event: EventView; extra: MulticallReturnType<E, true> }> {
  const d = eventDetailCalls(address, scalars);
  // One flat list: tiers, then their counts, then the currency, then the caller's calls.
  const calls = [...d.tiers, ...d.minted, ...d.currency, ...extra] as readonly ContractFunctionParameters[];
  const results = await client.multicall({ contracts: calls, allowFailure: true, batchSize: MULTICALL_BATCH_BYTES });
  const take = (n: number) => results.splice(0, n).map(unwrap);
  const configs = take(d.tiers.length) as ContractFunctionReturnType<typeof eventTicketAbi, "view", "tier">[];
  const minted = take(d.minted.length) as bigint[];
  const currencyToken = scalars[15];
  let currency: Currency = NATIVE_CURRENCY;
  if (d.currency.length > 0) {
    const [symbol, decimals] = results.splice(0, 2);
    if (symbol?.status !== "success" || decimals?.status !== "success")
      throw new CurrencyReadError(currencyToken, symbol?.error ?? decimals?.error);
    currency = {
      address: getAddress(currencyToken),
      symbol: symbol.result as string,
      decimals: decimals.result as number,
    };
  }
  return {
    event: eventViewOf(address, scalars, configs, minted, currency),
    extra: results as MulticallReturnType<E, true>,
  };
}

/** A multicall result's value, or its error thrown as `readContract` would have thrown it. */
export function unwrap<T>(r: { status: "success"; result: T } | { status: "failure"; error: Error }): T {
  if (r.status === "failure") throw r.error;
  return r.result;
}

function eventViewOf(
  address: Address,
  s: EventScalars,
  configs: ContractFunctionReturnType<typeof eventTicketAbi, "view", "tier">[],
  minted: bigint[],
  currency: Currency,
): EventView {
  const [
    name,
    symbol,
    organizer,
    market,
    startTime,
    endTime,
    lockWindow,
    maxPerWallet,
    royaltyBps,
    cancelled,
    totalMinted,
    escrowBalance,
    ,
    maxPerIdentity,
    voucherSigner,
  ] = s;
  const tiers = configs.map(
    (config, id): TierView => ({
      id,
      faceValue: config.faceValue,
      supply: Number(config.supply),
      minted: Number(minted[id]),
      zones: Number(config.zones),
      mode: Number(config.mode),
      resaleCapBps: Number(config.resaleCapBps),
      voucherOnly: config.voucherOnly,
      reserved: config.reserved,
    }),
  );
  return {
    address,
    name,
    symbol,
    organizer,
    market,
    startTime,
    endTime,
    lockWindow: Number(lockWindow),
    maxPerWallet: Number(maxPerWallet),
    maxPerIdentity: Number(maxPerIdentity),
    voucherSigner,
    royaltyBps: Number(royaltyBps),
    cancelled,
    totalMinted,
    escrowBalance,
    currency,
    tiers,
  };
}

/**
 * An event's rules, tiers and live counters, read from its EventTicket contract in two Multicall3
 * calls (the scalars, then the tiers and currency they name). The app's chain reads are the checks
 * made before a transaction; history, listings and activity come from the indexer (app/queries).
 *
 * @example
 * const event = await readEvent(publicClient, "0x…");
 */
export async function readEvent(client: PublicClient, address: Address): Promise<EventView> {
  const scalars = await client.multicall({
    contracts: eventCalls(address),
    allowFailure: false,
    batchSize: MULTICALL_BATCH_BYTES,
  });
  return (await readEventDetail(client, address, scalars, [])).event;
}

/**
 * What the per-wallet cap counts for `wallet` (`balanceOf` and `boughtBy`), in one Multicall3 call:
 * the buy form's upper bound on a quantity before the wallet opens.
 */
export async function readWalletHoldings(
  client: PublicClient,
  address: Address,
  wallet: Address,
): Promise<{ held: number; bought: number }> {
  const base = { address, abi: eventTicketAbi } as const;
  const [held, bought] = await client.multicall({
    contracts: [
      { ...base, functionName: "balanceOf", args: [wallet] },
      { ...base, functionName: "boughtBy", args: [wallet] },
    ],
    allowFailure: false,
  });
  return { held: Number(held), bought: Number(bought) };
}
