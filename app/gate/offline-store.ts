import { z } from "zod";
import type { OfflineAdmission, SignedSnapshot } from "../../lib/offline";

/**
 * What a scanner keeps so it can go on admitting with no network, per event and gate, in
 * localStorage (survives a reload or a crashed tab): the service key it pinned while online, the
 * last signed snapshot and the latest signed delta since it, and the admissions made offline that the server has not accepted yet.
 * Admissions are never dropped here; only a reconcile answer removes them.
 */
export type OfflineState = {
  pinnedKey: string;
  signed: SignedSnapshot;
  fetchedAt: number;
  /** The latest signed delta since `signed` (each asks from the snapshot's cursor, so one is enough). */
  delta?: SignedSnapshot | undefined;
  queue: OfflineAdmission[];
};

const signedSchema = z.object({ payload: z.string(), signature: z.string(), publicKey: z.string() });

const keyOf = (contract: string, gateId: string) => `fairgate.gate-offline.${contract.toLowerCase()}.${gateId}`;

const schema = z.object({
  pinnedKey: z.string().min(1),
  signed: signedSchema,
  fetchedAt: z.number(),
  delta: signedSchema.optional(),
  queue: z.array(
    z.object({
      tokenId: z.string().regex(/^\d+$/),
      holder: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
      admittedAt: z.string(),
    }),
  ),
});

/**
 * @example
 * const saved = readOfflineState(localStorage, session.contract, session.gateId);
 */
export function readOfflineState(storage: Storage, contract: string, gateId: string): OfflineState | null {
  try {
    const parsed = schema.safeParse(JSON.parse(storage.getItem(keyOf(contract, gateId)) ?? "null"));
    return parsed.success ? (parsed.data as OfflineState) : null;
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store it (quota): the caller says so on screen. */
export function saveOfflineState(storage: Storage, contract: string, gateId: string, state: OfflineState): boolean {
  try {
    storage.setItem(keyOf(contract, gateId), JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}
