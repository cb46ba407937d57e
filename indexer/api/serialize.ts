/** Database rows → API shapes (lib/indexer-client/schemas.ts): EIP-55 addresses, decimal strings. */
import { getAddress } from "viem";
import type { Listing, Ticket, Transfer } from "../../lib/indexer-client/schemas";
import type { ListingRow, TicketRow, TransferRow } from "../db/queries/ticket-detail";

const MODES = ["free", "market-only", "locked"] as const;

export const modeName = (mode: number | null) => (mode === null ? null : (MODES[mode] ?? null));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** face × cap / 10,000, as the contract's `maxResalePrice`. */
export function maxResale(face: unknown, capBps: unknown): string | null {
  if (face === null || face === undefined || capBps === null || capBps === undefined) return null;
  return ((BigInt(face as string) * BigInt(capBps as number)) / 10_000n).toString();
}

function iso(v: Date | string | null): string | null {
  if (v === null) return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

export function ticketOut(r: TicketRow): Ticket {
  const onChain = r.checked_in_block !== null;
  return {
    contract: getAddress(r.contract),
    tokenId: String(r.token_id),
    owner: getAddress(r.owner),
    eventName: r.event_name,
    startTime: str(r.start_time),
    endTime: str(r.end_time),
    mintedBlock: Number(r.minted_block),
    updatedBlock: Number(r.updated_block),
    updatedLogIndex: Number(r.updated_log_index),
    tier: optNum(r.tier),
    zones: optNum(r.zones),
    transferMode: modeName(optNum(r.mode)),
    faceValue: str(r.face_value),
    maxResalePrice: maxResale(r.face_value, r.resale_cap_bps),
    paid: Boolean(r.paid),
    identityBound: r.identity_commitment !== null,
    checkedIn: onChain || r.gate_checked_in_at !== null,
    checkedInAt: iso(r.gate_checked_in_at),
    checkedInOnChain: onChain,
    checkedInBlock: optNum(r.checked_in_block),
    refunded: r.refunded_block !== null,
    eventCancelled: r.cancelled_at !== null,
    channel: Number(r.channel ?? 0),
    bound: r.bound_block !== null && r.bound_block !== undefined,
    bindingDeadline:
      r.binding_deadline === null || r.binding_deadline === undefined ? null : Number(r.binding_deadline),
  };
}

export function transferOut(r: TransferRow): Transfer {
  return {
    blockNumber: Number(r.block_number),
    logIndex: Number(r.log_index),
    from: getAddress(r.from),
    to: getAddress(r.to),
    txHash: r.tx_hash,
    kind: r.kind as Transfer["kind"],
    price: str(r.price),
  };
}

export function listingOut(r: ListingRow): Listing {
  const open = r.closed_block === null;
  return {
    contract: getAddress(r.contract),
    tokenId: String(r.token_id),
    seller: getAddress(r.seller),
    price: String(r.price),
    tier: r.tier,
    maxResalePrice: maxResale(r.face_value, r.resale_cap_bps),
    blockNumber: Number(r.block_number),
    txHash: r.tx_hash,
    status: open ? "open" : (r.closed_reason as Listing["status"]),
    stale:
      open &&
      (r.owner !== r.seller || r.checked_in_block !== null || Boolean(r.gate_admitted) || r.cancelled_at !== null),
  };
}
