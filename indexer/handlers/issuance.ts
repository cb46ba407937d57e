/**
 * `TicketsMinted`, `TicketsPurchased`, `SeatsPurchased`, `VoucherRedeemed`, `ChannelMinted`: how tickets came to be. Each is emitted
 * in the same transaction as its mints' `Transfer`s, so a range always holds both; the
 * attributes they give a token (tier, paid, identity, channel) are written with the ticket row itself.
 */
import { mints, purchases, voucherRedemptions } from "../db/schema";
import type { DbTx } from "../db/types";
import type { ChainLog } from "../sync/chain-logs";
import { seatTokenId } from "../../lib/seating/seat-token";
import { inChunks, lower, position } from "./bulk";

export type TokenAttributes = { tier?: number; paid?: boolean; identityCommitment?: string; channel?: number };

const ZERO_COMMITMENT = `0x${"0".repeat(64)}`;

export const tokenKey = (contract: string, tokenId: bigint) => `${contract}:${tokenId}`;

/** Tier, paid flag and identity of every token minted in `logs`, keyed by `tokenKey`. */
export function tokenAttributes(logs: readonly ChainLog[]): Map<string, TokenAttributes> {
  const out = new Map<string, TokenAttributes>();
  const each = (contract: string, first: bigint, count: bigint, set: (a: TokenAttributes) => void) => {
    for (let i = 0n; i < count; i++) {
      const key = tokenKey(contract, first + i);
      const attrs = out.get(key) ?? {};
      set(attrs);
      out.set(key, attrs);
    }
  };
  for (const log of logs) {
    const contract = lower(log.address);
    if (log.eventName === "TicketsMinted")
      each(contract, log.args.firstTokenId, log.args.count, (a) => (a.tier = log.args.tier));
    else if (log.eventName === "ChannelMinted")
      each(contract, log.args.firstTokenId, log.args.count, (a) => (a.channel = log.args.channel));
    else if (log.eventName === "TicketsPurchased")
      each(contract, log.args.firstTokenId, log.args.count, (a) => (a.paid = true));
    else if (log.eventName === "SeatsPurchased") {
      // Seats are not a range: each seat's token carries its tier in the id; public sale, paid.
      for (const seat of log.args.seats)
        each(contract, seatTokenId(log.args.tier, seat), 1n, (a) => ((a.tier = log.args.tier), (a.paid = true)));
    } else if (log.eventName === "VoucherRedeemed" && lower(log.args.identityCommitment) !== ZERO_COMMITMENT) {
      const commitment = lower(log.args.identityCommitment);
      each(contract, log.args.firstTokenId, BigInt(log.args.quantity), (a) => (a.identityCommitment = commitment));
    }
  }
  return out;
}

export async function insertIssuance(tx: DbTx, logs: readonly ChainLog[]): Promise<void> {
  const mintRows = [];
  const purchaseRows = [];
  const voucherRows = [];
  for (const log of logs) {
    const contract = lower(log.address);
    if (log.eventName === "TicketsMinted") {
      mintRows.push({
        ...position(log),
        contract,
        tier: log.args.tier,
        firstTokenId: log.args.firstTokenId,
        count: Number(log.args.count),
      });
    } else if (log.eventName === "TicketsPurchased") {
      const { buyer, firstTokenId, count, paid } = log.args;
      purchaseRows.push({ ...position(log), contract, buyer: lower(buyer), firstTokenId, count: Number(count), paid });
    } else if (log.eventName === "SeatsPurchased") {
      const { buyer, tier, seats, paid } = log.args;
      purchaseRows.push({
        ...position(log),
        contract,
        buyer: lower(buyer),
        firstTokenId: seatTokenId(tier, seats[0] ?? 0),
        count: seats.length,
        paid,
      });
    } else if (log.eventName === "VoucherRedeemed") {
      const { nonce, identityCommitment, to, firstTokenId, quantity } = log.args;
      voucherRows.push({
        ...position(log),
        contract,
        nonce: lower(nonce),
        identityCommitment: lower(identityCommitment),
        to: lower(to),
        firstTokenId,
        quantity: Number(quantity),
      });
    }
  }
  await inChunks(mintRows, (c) => tx.insert(mints).values(c).onConflictDoNothing());
  await inChunks(purchaseRows, (c) => tx.insert(purchases).values(c).onConflictDoNothing());
  await inChunks(voucherRows, (c) => tx.insert(voucherRedemptions).values(c).onConflictDoNothing());
}
