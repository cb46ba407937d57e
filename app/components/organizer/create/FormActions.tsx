"use client";

/** The create form's buttons: preview the event page, save a draft in this browser, create. */
export function FormActions({
  onPreview,
  onSaveDraft,
  canSubmit,
}: {
  onPreview: () => void;
  onSaveDraft: () => void;
  canSubmit: boolean;
}) {
  return (
    <div className="row">
      <button type="button" className="button secondary" data-testid="event-preview-button" onClick={onPreview}>
        Preview the event page
      </button>
      <button type="button" className="button secondary" data-testid="draft-save" onClick={onSaveDraft}>
        Save draft
      </button>
      <button type="submit" className="button" data-testid="create-event-submit" disabled={!canSubmit}>
        Create event
      </button>
    </div>
  );
}
