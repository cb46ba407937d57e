/**
 * Delegations by (event, key id), with the device key parsed once into a node:crypto KeyObject:
 * the scan hot path does no parsing and, after the first scan of a phone, no database read.
 * At the doors nearly every scan is a phone's first, so misses are group-committed: the misses
 * that arrive while a lookup runs are read by the next single statement (micro-batch.ts).
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { getAddress, type Address } from "viem";
import { fromBase64Url, rawPublicKeyToSpki } from "../../../lib/pass";
import { pgArray, preparedStatement } from "../../db/prepared-statement";
import type { Db } from "../../db/types";
import { microBatch } from "../steps/micro-batch";

export type CachedDelegation = {
  key: KeyObject;
  holder: Address;
  expiresAt: number;
  createdBlock: number;
};

export type DelegationCache = {
  get(contract: Address, keyIdHex: string): Promise<CachedDelegation | null>;
  /** After a new or replaced delegation is stored here. */
  forget(contract: Address, keyIdHex: string): void;
};

/** Another instance may replace a delegation; entries are re-read after this long. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 100_000;

type Row = { public_key: string; holder: string; expires_ms: string; created_block: string };

const LOOKUP = `SELECT r.i, d.public_key, d.holder, extract(epoch FROM d.expires_at)::float8 * 1000 AS expires_ms, d.created_block::text AS created_block
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(contract, key_id, i)
  JOIN pass_delegations d ON d.contract = r.contract AND d.key_id = r.key_id`;

export function createDelegationCache(db: Db): DelegationCache {
  const cache = new Map<string, { at: number; value: CachedDelegation }>();
  const select = preparedStatement(db, "fairgate_pass_delegations", LOOKUP, "fast");
  const lookUp = microBatch(
    async (keys: { contract: string; keyIdHex: string }[]): Promise<(Row | null)[]> => {
      const rows = await select([pgArray(keys.map((k) => k.contract)), pgArray(keys.map((k) => k.keyIdHex))]);
      const out: (Row | null)[] = keys.map(() => null);
      // Text columns in LOOKUP's order.
      for (const [i, public_key, holder, expires_ms, created_block] of rows)
        out[Number(i) - 1] = {
          public_key: public_key!,
          holder: holder!,
          expires_ms: expires_ms!,
          created_block: created_block!,
        };
      return out;
    },
    { maxBatch: 256, maxInFlight: 1 },
  );
  return {
    async get(contract, keyIdHex) {
      const id = `${contract.toLowerCase()}:${keyIdHex}`;
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      const row = await lookUp({ contract: contract.toLowerCase(), keyIdHex });
      if (!row) return null;
      const value: CachedDelegation = {
        key: createPublicKey({
          key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(row.public_key))),
          format: "der",
          type: "spki",
        }),
        holder: getAddress(row.holder),
        expiresAt: Number(row.expires_ms),
        createdBlock: Number(row.created_block),
      };
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(id, { at: Date.now(), value });
      return value;
    },
    forget(contract, keyIdHex) {
      cache.delete(`${contract.toLowerCase()}:${keyIdHex}`);
    },
  };
}
