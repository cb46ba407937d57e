"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useConnection } from "wagmi";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { useTimeZone } from "../../hooks/useTimeZone";
import type { AllocationForm } from "../../organizer/allocation-form";
import { clearDraft, type EventDraft, loadDraft, saveDraft } from "../../organizer/event-draft";
import { defaultEventForm, type EventForm } from "../../organizer/event-form";
import { TxStatus } from "../TxStatus";
import { AdvancedFields } from "./create/AdvancedFields";
import { DraftOffer } from "./create/DraftOffer";
import { type CurrencyChoice, EventBasicsFields } from "./create/EventBasicsFields";
import { EventPreview } from "./create/EventPreview";
import { FormActions } from "./create/FormActions";
import { TierList } from "./create/TierList";
import { type CheckedEvent, useCreateEvent } from "./create/useCreateEvent";

const NO_ALLOCATION: AllocationForm = { channels: "", bindHours: "", bindTiers: "" };

/**
 * Create an event in plain words (rarely needed fields under "Advanced"), preview its page before
 * sending, keep a draft in this browser; the form starts afresh once the event exists.
 */
export function CreateEventForm() {
  const { factory, currencies: stablecoins } = useRuntimeConfig();
  const { status } = useConnection();
  const timeZone = useTimeZone();
  const [form, setForm] = useState<EventForm>(() => defaultEventForm());
  const [allocation, setAllocationState] = useState<AllocationForm>(NO_ALLOCATION);
  const [problems, setProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState<CheckedEvent | null>(null);
  const [draft, setDraft] = useState<EventDraft | null>(null);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [created, setCreated] = useState<`0x${string}` | null>(null);
  const { check, create, tx } = useCreateEvent(factory, setProblems);
  const currencies: CurrencyChoice[] = [
    { symbol: "ETH", address: "" },
    ...(stablecoins ?? []).map((c) => ({ symbol: c.symbol, address: c.address })),
  ];
  // Any edit makes an open preview stale.
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setPreview(null);
  };
  const setAllocation = (a: AllocationForm) => {
    setAllocationState(a);
    setPreview(null);
  };
  useEffect(() => setDraft(loadDraft(window.localStorage)), []);

  if (!factory) {
    return (
      <p className="notice" data-testid="no-factory">
        This app does not know the TicketFactory address. Set FACTORY_ADDRESS or DEPLOYMENTS_FILE where the app runs.
      </p>
    );
  }

  const submit = async () => {
    const ticket = await create(form, allocation);
    if (!ticket) return;
    setCreated(ticket);
    // A fresh form for the next event; the draft it came from is spent.
    setForm(defaultEventForm());
    setAllocationState(NO_ALLOCATION);
    setPreview(null);
    clearDraft(window.localStorage);
    setDraft(null);
  };
  const currencySymbol =
    currencies.find((c) => c.address.toLowerCase() === form.currency.trim().toLowerCase())?.symbol ?? "tokens";

  return (
    <section className="panel stack" data-testid="create-event">
      <h2>Create an event</h2>
      {draft && (
        <DraftOffer
          draft={draft}
          onRestore={() => {
            setForm(draft.form);
            setAllocationState(draft.allocation);
            setDraft(null);
          }}
          onDiscard={() => {
            clearDraft(window.localStorage);
            setDraft(null);
          }}
        />
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <EventBasicsFields form={form} set={set} timeZone={timeZone} currencies={currencies} />
        <TierList tiers={form.tiers} onChange={(tiers) => set("tiers", tiers)} />
        <AdvancedFields form={form} set={set} allocation={allocation} setAllocation={setAllocation} />
        <FormActions
          onPreview={() => void check(form, allocation).then(setPreview)}
          onSaveDraft={() => {
            saveDraft(window.localStorage, { form, allocation, savedAt: Date.now() });
            setDraftNote("Draft saved in this browser.");
          }}
          canSubmit={status === "connected" && !tx.busy}
        />
        {draftNote && (
          <p className="small" role="status" data-testid="draft-note">
            {draftNote}
          </p>
        )}
        {problems.length > 0 && (
          <ul className="error" role="alert" data-testid="create-event-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </form>
      {preview && (
        <EventPreview
          config={preview.result.config}
          args={preview.result.args}
          currencySymbol={currencySymbol}
          timeZone={timeZone}
        />
      )}
      <TxStatus state={tx.state} testId="create-event-status" />
      {created && (
        <Link href={`/organizer/events/${created}`} data-testid="created-event-link" data-address={created}>
          Manage the new event
        </Link>
      )}
    </section>
  );
}
