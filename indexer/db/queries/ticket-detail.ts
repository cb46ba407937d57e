/** One ticket: its state, tier, event flags, open listing and full provenance. */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types";
import { rows } from "./rows";

export type TicketRow = {
  contract: string;
  token_id: string;
  owner: string;
  minted_block: number | string;
  updated_block: number | string;
  updated_log_index: number;
  tier: number | null;
  paid: boolean;
  identity_commitment: string | null;
  checked_in_block: number | string | null;
  checked_in_gate: string | null;
  checked_in_tx: string | null;
  refunded_block: number | string | null;
  zones: number | null;
  mode: number | null;
  face_value: string | null;
  resale_cap_bps: number | null;
  event_name: string | null;
  start_time: string | null;
  end_time: string | null;
  cancelled_at: string | null;
  gate_checked_in_at: Date | string | null;
  gate_id: string | null;
  channel: number;
  bound_block: number | string | null;
  binding_deadline: string | null;
};

export type TransferRow = {
  block_number: number | string;
  log_index: number;
  from: string;
  to: string;
  tx_hash: string;
  kind: string;
  price: string | null;
};

export type ListingRow = {
  block_number: number | string;
  log_index: number;
  contract: string;
  token_id: string;
  seller: string;
  price: string;
  tx_hash: string;
  closed_block: number | string | null;
  closed_reason: string | null;
  owner: string | null;
  tier: number | null;
  face_value: string | null;
  resale_cap_bps: number | null;
  checked_in_block: number | string | null;
  cancelled_at: string | null;
  /** A gate of this server admitted it (maybe not yet on chain): the listing can no longer be honoured at the door. */
  gate_admitted?: boolean | null;
};

const TICKET_SELECT = sql`
  SELECT k.*, t.zones, t.mode, t.face_value, t.resale_cap_bps,
         e.name AS event_name, e.start_time, e.end_time, e.cancelled_at,
         c.checked_in_at AS gate_checked_in_at, c.gate_id,
         CASE WHEN d.seconds_before_start > 0 THEN GREATEST(e.start_time - d.seconds_before_start, 1)::text END AS binding_deadline
  FROM tickets k
  LEFT JOIN tiers t ON t.contract = k.contract AND t.tier = k.tier
  LEFT JOIN events e ON e.address = k.contract
  LEFT JOIN check_ins c ON c.contract = k.contract AND c.token_id = k.token_id
  LEFT JOIN LATERAL (
    SELECT seconds_before_start FROM identity_deadlines WHERE contract = k.contract AND tier = k.tier
    ORDER BY block_number DESC, log_index DESC LIMIT 1
  ) d ON true`;

export async function ticketById(db: DbOrTx, contract: string, tokenId: bigint): Promise<TicketRow | null> {
  const [row] = await rows<TicketRow>(
    db,
    sql`${TICKET_SELECT} WHERE k.contract = ${contract.toLowerCase()} AND k.token_id = ${tokenId.toString()}`,
  );
  return row ?? null;
}

/** An owner's tickets, newest event first is not needed: stable (contract, token) order. */
export async function ticketsOfOwner(
  db: DbOrTx,
  owner: string,
  page: { limit: number; offset: number },
  contract?: string,
): Promise<TicketRow[]> {
  const byContract = contract ? sql` AND k.contract = ${contract.toLowerCase()}` : sql``;
  return rows<TicketRow>(
    db,
    sql`${TICKET_SELECT} WHERE k.owner = ${owner.toLowerCase()}${byContract} ORDER BY k.contract, k.token_id LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}

export async function provenance(db: DbOrTx, contract: string, tokenId: bigint): Promise<TransferRow[]> {
  return rows<TransferRow>(
    db,
    sql`SELECT block_number, log_index, "from", "to", tx_hash, kind, price FROM transfers
        WHERE contract = ${contract.toLowerCase()} AND token_id = ${tokenId.toString()} ORDER BY block_number, log_index`,
  );
}

const LISTING_SELECT = sql`
  SELECT l.*, k.owner, k.tier, t.face_value, t.resale_cap_bps, k.checked_in_block, e.cancelled_at,
    EXISTS (SELECT 1 FROM check_ins c WHERE c.contract = l.contract AND c.token_id = l.token_id) AS gate_admitted
  FROM listings l
  LEFT JOIN tickets k ON k.contract = l.contract AND k.token_id = l.token_id
  LEFT JOIN tiers t ON t.contract = k.contract AND t.tier = k.tier
  LEFT JOIN events e ON e.address = l.contract`;

export async function listingsWhere(
  db: DbOrTx,
  filter: { contract?: string; seller?: string; tokenId?: bigint; status: "open" | "all" },
  page: { limit: number; offset: number },
): Promise<ListingRow[]> {
  const parts = [sql`TRUE`];
  if (filter.contract) parts.push(sql`l.contract = ${filter.contract.toLowerCase()}`);
  if (filter.seller) parts.push(sql`l.seller = ${filter.seller.toLowerCase()}`);
  if (filter.tokenId !== undefined) parts.push(sql`l.token_id = ${filter.tokenId.toString()}`);
  if (filter.status === "open") parts.push(sql`l.closed_block IS NULL`);
  return rows<ListingRow>(
    db,
    sql`${LISTING_SELECT} WHERE ${sql.join(parts, sql` AND `)} ORDER BY l.block_number DESC, l.log_index DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}
