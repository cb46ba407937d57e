/**
 * A purchase read back from its transaction receipt: what was bought (event contract, tier, seats,
 * token ids), what was paid, the royalty of a resale, and the gas the buyer actually paid
 * (gasUsed × effectiveGasPrice). Pure: the order page feeds it a receipt; nothing is stored.
 * The logs name the contracts that emitted them; the page checks those are a Fairgate event and its
 * market before it shows anything as a purchase.
 */
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hash, type Log } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { MAX_PER_PURCHASE } from "../format/quantity";

export type OrderKind = "primary" | "voucher" | "seats" | "resale";

export type Order = {
  txHash: Hash;
  blockNumber: bigint;
  buyer: Address;
  kind: OrderKind;
  /** The event's ticket contract. */
  contract: Address;
  /** The contract that took the payment: the event itself, or its resale market. */
  seller: Address;
  /** The market that emitted the resale's `Sold` (null for a primary sale). */
  market: Address | null;
  tokenIds: bigint[];
  /** The tier bought at face value; null for a resale (the page asks the indexer). */
  tier: number | null;
  /** Seat numbers of a reserved-seating purchase, as `buySeats` took them. */
  seats: number[];
  /** What the buyer paid for the tickets, in the event's currency. */
  price: bigint;
  /** Of `price`, what went to the organizer as royalty (resale only). */
  royalty: bigint | null;
  /** The resale's seller (null for a primary sale). */
  resaleSeller: Address | null;
  /** Native coin paid for gas: gasUsed × effectiveGasPrice. */
  gasPaid: bigint;
};

export type OrderReceipt = {
  transactionHash: Hash;
  blockNumber: bigint;
  from: Address;
  status: "success" | "reverted";
  gasUsed: bigint;
  effectiveGasPrice: bigint;
  logs: Log[];
};

export type OrderProblem = "REVERTED" | "NOT_A_PURCHASE";

export class OrderReadError extends Error {
  override name = "OrderReadError";
  constructor(
    readonly code: OrderProblem | "NOT_FAIRGATE" | "NOT_FOUND",
    message: string,
  ) {
    super(message);
  }
}

/**
 * @example
 * orderFromReceipt(await publicClient.getTransactionReceipt({ hash })) // { kind: "primary", tokenIds: [2n, 3n], … }
 */
export function orderFromReceipt(r: OrderReceipt): Order {
  if (r.status !== "success")
    throw new OrderReadError("REVERTED", "This transaction was reverted: nothing was bought or paid.");
  const base = {
    txHash: r.transactionHash,
    blockNumber: r.blockNumber,
    gasPaid: r.gasUsed * r.effectiveGasPrice,
  };
  const ticketLogs = parseEventLogs({ abi: eventTicketAbi, logs: r.logs });
  const sold = parseEventLogs({ abi: resaleMarketAbi, eventName: "Sold", logs: r.logs })[0];
  if (sold) {
    const contract = getAddress(sold.args.ticket);
    return {
      ...base,
      buyer: getAddress(sold.args.buyer),
      kind: "resale",
      contract,
      seller: getAddress(sold.address),
      market: getAddress(sold.address),
      tokenIds: [sold.args.tokenId],
      tier: null,
      seats: [],
      price: sold.args.price,
      royalty: sold.args.royalty,
      resaleSeller: getAddress(sold.args.seller),
    };
  }
  const minted = (contract: Address, buyer: Address) =>
    ticketLogs
      .filter(
        (l) =>
          l.eventName === "Transfer" &&
          getAddress(l.address) === contract &&
          l.args.from === zeroAddress &&
          getAddress(l.args.to) === buyer,
      )
      .map((l) => (l.eventName === "Transfer" ? l.args.tokenId : 0n));
  for (const l of ticketLogs) {
    if (l.eventName === "SeatsPurchased") {
      const contract = getAddress(l.address);
      const buyer = getAddress(l.args.buyer);
      return {
        ...base,
        buyer,
        kind: "seats",
        contract,
        seller: contract,
        market: null,
        tokenIds: minted(contract, buyer),
        tier: l.args.tier,
        seats: [...l.args.seats],
        price: l.args.paid,
        royalty: null,
        resaleSeller: null,
      };
    }
    if (l.eventName === "TicketsPurchased") {
      const contract = getAddress(l.address);
      const { firstTokenId, count } = l.args;
      // One purchase mints at most MAX_BATCH; a larger count is no EventTicket's.
      if (count > BigInt(MAX_PER_PURCHASE)) break;
      const tierLog = ticketLogs.find(
        (m) =>
          m.eventName === "TicketsMinted" && getAddress(m.address) === contract && m.args.firstTokenId === firstTokenId,
      );
      const voucher = ticketLogs.some((m) => m.eventName === "VoucherRedeemed" && getAddress(m.address) === contract);
      return {
        ...base,
        buyer: getAddress(l.args.buyer),
        kind: voucher ? "voucher" : "primary",
        contract,
        seller: contract,
        market: null,
        tokenIds: Array.from({ length: Number(count) }, (_, i) => firstTokenId + BigInt(i)),
        tier: tierLog?.eventName === "TicketsMinted" ? tierLog.args.tier : null,
        seats: [],
        price: l.args.paid,
        royalty: null,
        resaleSeller: null,
      };
    }
  }
  throw new OrderReadError("NOT_A_PURCHASE", "This transaction bought no tickets.");
}
