import { z } from "zod";
import type { OnsaleIssuedVoucher } from "../../lib/onsale/types";

/**
 * The fan's place in a sale's queue (the bearer token) and, once issued, the voucher, kept in
 * localStorage per sale so a reload or a closed tab neither loses the place nor asks the server
 * for the voucher again. The token is the place: it never leaves this browser but to the server.
 */
const keyOf = (saleId: string) => `fairgate.onsale.${saleId}`;

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const voucherSchema = z.object({
  chainId: z.number().int(),
  contract: address,
  voucher: z.object({
    to: address,
    tier: z.number().int(),
    quantity: z.number().int(),
    identityCommitment: hex,
    nonce: hex,
    deadline: z.number().int(),
  }),
  signature: hex,
  price: z.string().regex(/^\d+$/),
});
const entrySchema = z.object({ token: z.string().min(1).max(512), voucher: voucherSchema.nullable().default(null) });

export type StoredEntry = { token: string; voucher: OnsaleIssuedVoucher | null };

/**
 * @example
 * const entry = readEntry(localStorage, "spring-onsale"); // null before joining
 */
export function readEntry(storage: Storage, saleId: string): StoredEntry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(storage.getItem(keyOf(saleId)) ?? "null"));
    return parsed.success ? (parsed.data as StoredEntry) : null;
  } catch {
    return null;
  }
}

export function saveEntry(storage: Storage, saleId: string, entry: StoredEntry | null): void {
  if (entry) storage.setItem(keyOf(saleId), JSON.stringify(entry));
  else storage.removeItem(keyOf(saleId));
}
