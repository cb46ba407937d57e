/**
 * Leak report: tickets issued through a non-public allocation channel (sponsor, staff, artist,
 * organizer, custom) that left it. A ticket is reported when it
 *   - changed hands (any transfer but its mint and organizer recoveries: transfer, sale, waitlist),
 *   - was ever listed on the official market, or
 *   - is held now by a wallet that also bought at the public sale (buy or voucher claim),
 * each with its whole chain of transfers (from → to, kind, price when a sale, tx, block).
 * Per channel: issued, reported, and how many for each reason.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type LeakTicketRow = {
  token_id: string;
  channel: number;
  tier: number | null;
  owner: string;
  moves: number | string;
  listings: number | string;
  owner_bought_publicly: boolean;
  chain: {
    from: string;
    to: string;
    kind: string;
    price: string | null;
    tx: string;
    block: number | string;
    logIndex: number | string;
  }[];
};
export type LeakChannelRow = {
  channel: number;
  issued: number | string;
  reported: number | string;
  moved: number | string;
  listed: number | string;
  held_by_public_buyer: number | string;
  name: string | null;
  quota: number | null;
  mode: number | null;
};

/** Non-public tickets with their reasons (one row per ticket, flagged or not). */
function reasons(c: string): SQL {
  return sql`np AS (
      SELECT token_id, channel, tier, owner FROM tickets WHERE contract = ${c} AND channel <> 0
    ), moves AS (
      SELECT token_id, count(*) AS n FROM transfers WHERE contract = ${c} AND kind NOT IN ('mint', 'recovery') GROUP BY token_id
    ), listed AS (
      SELECT token_id, count(*) AS n FROM listings WHERE contract = ${c} GROUP BY token_id
    ), public_buyers AS (
      SELECT DISTINCT buyer FROM purchases WHERE contract = ${c}
    ), judged AS (
      SELECT np.token_id, np.channel, np.tier, np.owner, COALESCE(m.n, 0) AS moves, COALESCE(l.n, 0) AS listings,
        pb.buyer IS NOT NULL AS owner_bought_publicly
      FROM np
      LEFT JOIN moves m ON m.token_id = np.token_id
      LEFT JOIN listed l ON l.token_id = np.token_id
      LEFT JOIN public_buyers pb ON pb.buyer = np.owner
    )`;
}

/** Reported tickets, by channel then token id, each with its transfer chain in chain order. */
export async function leakedTickets(db: DbOrTx, contract: string, o: { limit: number }): Promise<LeakTicketRow[]> {
  const c = contract.toLowerCase();
  return rows<LeakTicketRow>(
    db,
    sql`WITH ${reasons(c)}
        SELECT j.token_id::text AS token_id, j.channel, j.tier, j.owner, j.moves, j.listings, j.owner_bought_publicly,
          (SELECT json_agg(json_build_object('from', tr."from", 'to', tr."to", 'kind', tr.kind, 'price', tr.price::text,
                  'tx', tr.tx_hash, 'block', tr.block_number, 'logIndex', tr.log_index) ORDER BY tr.block_number, tr.log_index)
             FROM transfers tr WHERE tr.contract = ${c} AND tr.token_id = j.token_id) AS chain
        FROM judged j
        WHERE j.moves > 0 OR j.listings > 0 OR j.owner_bought_publicly
        ORDER BY j.channel, j.token_id LIMIT ${o.limit}::int`,
  );
}

/** Every channel that issued tickets or is configured, with its counts and latest configuration. */
export async function leakChannels(db: DbOrTx, contract: string): Promise<LeakChannelRow[]> {
  const c = contract.toLowerCase();
  return rows<LeakChannelRow>(
    db,
    sql`WITH ${reasons(c)}, issued AS (
          SELECT channel, count(*) AS n FROM tickets WHERE contract = ${c} GROUP BY channel
        ), cfg AS (
          SELECT channel, name, quota, mode FROM channel_configs
          WHERE contract = ${c} AND tx_hash = (
            SELECT tx_hash FROM channel_configs WHERE contract = ${c} ORDER BY block_number DESC, log_index DESC LIMIT 1)
        ), counts AS (
          SELECT channel, count(*) FILTER (WHERE moves > 0 OR listings > 0 OR owner_bought_publicly) AS reported,
            count(*) FILTER (WHERE moves > 0) AS moved, count(*) FILTER (WHERE listings > 0) AS listed,
            count(*) FILTER (WHERE owner_bought_publicly) AS held_by_public_buyer
          FROM judged GROUP BY channel
        ), ids AS (SELECT channel FROM issued UNION SELECT channel FROM cfg)
        SELECT ids.channel, COALESCE(i.n, 0) AS issued, COALESCE(k.reported, 0) AS reported, COALESCE(k.moved, 0) AS moved,
          COALESCE(k.listed, 0) AS listed, COALESCE(k.held_by_public_buyer, 0) AS held_by_public_buyer, cfg.name, cfg.quota, cfg.mode
        FROM ids LEFT JOIN issued i ON i.channel = ids.channel LEFT JOIN counts k ON k.channel = ids.channel
        LEFT JOIN cfg ON cfg.channel = ids.channel
        ORDER BY ids.channel`,
  );
}
