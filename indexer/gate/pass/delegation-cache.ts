/**
 * Delegations by (event, key id), with the device key parsed once into a node:crypto KeyObject:
 * the scan hot path does no parsing and, after the first scan of a phone, no database read.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { fromBase64Url, rawPublicKeyToSpki } from "../../../lib/pass";
import { passDelegations } from "../../db/schema";
import type { Db } from "../../db/types";

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

export function createDelegationCache(db: Db): DelegationCache {
  const cache = new Map<string, { at: number; value: CachedDelegation }>();
  return {
    async get(contract, keyIdHex) {
      const id = `${contract.toLowerCase()}:${keyIdHex}`;
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      const [row] = await db
        .select()
        .from(passDelegations)
        .where(and(eq(passDelegations.contract, contract.toLowerCase()), eq(passDelegations.keyId, keyIdHex)));
      if (!row) return null;
      const value: CachedDelegation = {
        key: createPublicKey({ key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(row.publicKey))), format: "der", type: "spki" }),
        holder: getAddress(row.holder),
        expiresAt: row.expiresAt.getTime(),
        createdBlock: row.createdBlock,
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
