/**
 * Hoarding report: wallets and identity commitments holding more than N live tickets (not
 * refunded), and funnels.
 *
 * A funnel: collector C received, by transfer or market sale, a ticket from wallet S, where S
 * is the wallet that ticket was issued to (mint, primary sale or voucher: the `mint` transfer)
 * and the move happened within `windowBlocks` blocks of that issue. C is reported when at least
 * `minSources` distinct such S forwarded tickets to it. (Blocks, not seconds: the mirror stores
 * no block timestamps.)
 */
import { sql } from "drizzle-orm";
import { zeroAddress } from "viem";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type HeavyWalletRow = {
  wallet: string;
  tickets: number | string;
  tiers: number | string;
  identity_bound: number | string;
};
export type HeavyIdentityRow = { identity_commitment: string; tickets: number | string; wallets: number | string };
export type FunnelRow = {
  collector: string;
  sources: number | string;
  tickets: number | string;
  via_sale: number | string;
  first_block: number | string;
  last_block: number | string;
  held_now: number | string;
};

export type HoardingLimits = { over: number; limit: number };
export type FunnelRules = { minSources: number; windowBlocks: number; limit: number };

/** Owners of more than `over` live tickets, most first. */
export async function heavyWallets(db: DbOrTx, contract: string, o: HoardingLimits): Promise<HeavyWalletRow[]> {
  return rows<HeavyWalletRow>(
    db,
    sql`SELECT owner AS wallet, count(*) AS tickets, count(DISTINCT tier) AS tiers,
          count(*) FILTER (WHERE identity_commitment IS NOT NULL) AS identity_bound
        FROM tickets
        WHERE contract = ${contract.toLowerCase()} AND refunded_block IS NULL AND owner <> ${zeroAddress}
        GROUP BY owner HAVING count(*) > ${o.over}::int
        ORDER BY tickets DESC, owner COLLATE "C" LIMIT ${o.limit}::int`,
  );
}

/** Identity commitments bound to more than `over` live tickets, with how many wallets hold them now. */
export async function heavyIdentities(db: DbOrTx, contract: string, o: HoardingLimits): Promise<HeavyIdentityRow[]> {
  return rows<HeavyIdentityRow>(
    db,
    sql`SELECT identity_commitment, count(*) AS tickets, count(DISTINCT owner) AS wallets
        FROM tickets
        WHERE contract = ${contract.toLowerCase()} AND refunded_block IS NULL AND identity_commitment IS NOT NULL
        GROUP BY identity_commitment HAVING count(*) > ${o.over}::int
        ORDER BY tickets DESC, identity_commitment COLLATE "C" LIMIT ${o.limit}::int`,
  );
}

/** Collectors fed by at least `minSources` first-hand holders within `windowBlocks` of issue. */
export async function funnels(db: DbOrTx, contract: string, o: FunnelRules): Promise<FunnelRow[]> {
  const c = contract.toLowerCase();
  return rows<FunnelRow>(
    db,
    sql`WITH issued AS (
          SELECT token_id, "to" AS holder, block_number AS issued_block FROM transfers WHERE contract = ${c} AND kind = 'mint'
        ), forwards AS (
          SELECT x."to" AS collector, x."from" AS source, x.token_id, x.kind, x.block_number
          FROM transfers x JOIN issued i ON i.token_id = x.token_id AND i.holder = x."from"
          WHERE x.contract = ${c} AND x.kind IN ('transfer', 'sale') AND x."to" <> x."from" AND x."to" <> ${zeroAddress}
            AND x.block_number - i.issued_block <= ${o.windowBlocks}::bigint
        )
        SELECT f.collector, count(DISTINCT f.source) AS sources, count(DISTINCT f.token_id) AS tickets,
          count(DISTINCT f.token_id) FILTER (WHERE f.kind = 'sale') AS via_sale,
          min(f.block_number) AS first_block, max(f.block_number) AS last_block,
          (SELECT count(*) FROM tickets k WHERE k.contract = ${c} AND k.owner = f.collector AND k.refunded_block IS NULL) AS held_now
        FROM forwards f GROUP BY f.collector HAVING count(DISTINCT f.source) >= ${o.minSources}::int
        ORDER BY sources DESC, f.collector COLLATE "C" LIMIT ${o.limit}::int`,
  );
}
