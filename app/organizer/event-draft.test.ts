import { describe, expect, it } from "vitest";
import { clearDraft, DRAFT_KEY, loadDraft, saveDraft } from "./event-draft";
import { defaultEventForm } from "./event-form";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

describe("event drafts", () => {
  it("saves, loads and clears a draft", () => {
    const storage = memoryStorage();
    const draft = {
      form: { ...defaultEventForm(new Date("2030-01-01T00:00:00Z")), name: "Draft Night" },
      allocation: { channels: "public 10", bindHours: "", bindTiers: "" },
      savedAt: 1,
    };
    expect(loadDraft(storage)).toBeNull();
    saveDraft(storage, draft);
    expect(loadDraft(storage)).toEqual(draft);
    clearDraft(storage);
    expect(loadDraft(storage)).toBeNull();
  });

  it("drops a draft it cannot read instead of filling the form with it", () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, "{not json");
    expect(loadDraft(storage)).toBeNull();
    storage.setItem(DRAFT_KEY, JSON.stringify({ form: { name: 1 } }));
    expect(loadDraft(storage)).toBeNull();
    expect(storage.items.has(DRAFT_KEY)).toBe(false);
  });
});
