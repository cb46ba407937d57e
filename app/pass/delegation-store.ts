import { z } from "zod";

/** A delegation this phone holds: which key, for which event and holder, until when. */
export type StoredDelegation = {
  chainId: number;
  contract: string;
  holder: string;
  publicKey: string;
  expiresAt: string;
};

const schema = z.object({
  chainId: z.number(),
  contract: z.string(),
  holder: z.string(),
  publicKey: z.string(),
  expiresAt: z.string(),
});
const keyOf = (chainId: number, contract: string) => `fairgate.pass-delegation.${chainId}.${contract.toLowerCase()}`;

/** The stored delegation for an event, if it is for this key and has not expired; else null. */
export function readDelegation(
  storage: Storage,
  chainId: number,
  contract: string,
  publicKey: string,
  nowMs = Date.now(),
): StoredDelegation | null {
  try {
    const parsed = schema.safeParse(JSON.parse(storage.getItem(keyOf(chainId, contract)) ?? "null"));
    if (!parsed.success) return null;
    const d = parsed.data;
    if (d.publicKey !== publicKey || new Date(d.expiresAt).getTime() <= nowMs) return null;
    return d;
  } catch {
    return null;
  }
}

export function saveDelegation(storage: Storage, delegation: StoredDelegation): void {
  storage.setItem(keyOf(delegation.chainId, delegation.contract), JSON.stringify(delegation));
}
