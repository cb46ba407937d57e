"use client";

import { symbolFromName } from "../../../../lib/event-config/event-config-schema";
import type { AllocationForm } from "../../../organizer/allocation-form";
import type { EventForm } from "../../../organizer/event-form";

/** What few organizers need, folded away: the ticker symbol, a token by address, allocation channels, real-name binding. */
export function AdvancedFields({
  form,
  set,
  allocation,
  setAllocation,
}: {
  form: EventForm;
  set: <K extends keyof EventForm>(key: K, value: EventForm[K]) => void;
  allocation: AllocationForm;
  setAllocation: (a: AllocationForm) => void;
}) {
  return (
    <details className="stack" data-testid="event-advanced">
      <summary>Advanced</summary>
      <div className="form-grid">
        <label className="field">
          Symbol (ticker wallets show; empty = from the name)
          <input
            value={form.symbol}
            placeholder={symbolFromName(form.name)}
            data-testid="event-symbol-input"
            onChange={(e) => set("symbol", e.target.value)}
          />
        </label>
        <label className="field">
          Price in another token: its ERC-20 address (empty = the choice above)
          <input
            value={form.currency}
            placeholder="0x…"
            data-testid="event-currency-input"
            onChange={(e) => set("currency", e.target.value)}
          />
        </label>
      </div>
      <div className="form-grid">
        <label className="field">
          Allocation channels, one per line: name quota [free|market-only|locked] (e.g. “public 850”, “sponsor 100
          market-only”; names of your own take channels 5–7)
          <textarea
            value={allocation.channels}
            data-testid="event-channels-input"
            onChange={(e) => setAllocation({ ...allocation, channels: e.target.value })}
          />
        </label>
        <label className="field">
          Real-name: bind identity (hours before start)
          <input
            value={allocation.bindHours}
            inputMode="decimal"
            data-testid="event-bind-hours-input"
            onChange={(e) => setAllocation({ ...allocation, bindHours: e.target.value })}
          />
        </label>
        <label className="field">
          …for tiers (e.g. 0,2)
          <input
            value={allocation.bindTiers}
            data-testid="event-bind-tiers-input"
            onChange={(e) => setAllocation({ ...allocation, bindTiers: e.target.value })}
          />
        </label>
      </div>
    </details>
  );
}
