"use client";

import type { EventDraft } from "../../../organizer/event-draft";

/** Offers the draft saved in this browser: restore it into the form, or discard it. */
export function DraftOffer({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: EventDraft;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <p className="notice row" data-testid="draft-offer">
      A draft “{draft.form.name || "untitled"}” from {new Date(draft.savedAt).toLocaleString()} is saved in this
      browser.
      <button type="button" className="button secondary" data-testid="draft-restore" onClick={onRestore}>
        Restore draft
      </button>
      <button type="button" className="link-button" data-testid="draft-discard" onClick={onDiscard}>
        Discard it
      </button>
    </p>
  );
}
