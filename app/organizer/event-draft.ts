/**
 * A create-event draft kept in this browser (localStorage), so an organizer can leave the form and
 * come back. Only what the form holds is stored; a draft that no longer parses is dropped, not trusted.
 */
import { z } from "zod";
import type { AllocationForm } from "./allocation-form";
import type { EventForm } from "./event-form";

export const DRAFT_KEY = "fairgate:event-draft:v1";

export type EventDraft = { form: EventForm; allocation: AllocationForm; savedAt: number };

const tierSchema = z.object({
  faceValueEth: z.string(),
  supply: z.string(),
  zones: z.number(),
  mode: z.number(),
  resaleCapPercent: z.string(),
  voucherOnly: z.boolean(),
  reserved: z.boolean().optional(),
});
const draftSchema = z.object({
  form: z.object({
    name: z.string(),
    symbol: z.string(),
    start: z.string(),
    end: z.string(),
    lockWindowHours: z.string(),
    maxPerWallet: z.string(),
    royaltyPercent: z.string(),
    currency: z.string(),
    tiers: z.array(tierSchema).min(1).max(8),
  }),
  allocation: z.object({ channels: z.string(), bindHours: z.string(), bindTiers: z.string() }),
  savedAt: z.number(),
});

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function saveDraft(storage: DraftStorage, draft: EventDraft): void {
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

/** The saved draft, or null when there is none or it is unreadable (then it is removed). */
export function loadDraft(storage: DraftStorage): EventDraft | null {
  const text = storage.getItem(DRAFT_KEY);
  if (text === null) return null;
  try {
    return draftSchema.parse(JSON.parse(text));
  } catch {
    storage.removeItem(DRAFT_KEY);
    return null;
  }
}

export function clearDraft(storage: DraftStorage): void {
  storage.removeItem(DRAFT_KEY);
}
