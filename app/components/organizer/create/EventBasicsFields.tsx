"use client";

import { MAX_ROYALTY_PERCENT } from "../../../../lib/event-config/event-config-schema";
import type { EventForm } from "../../../organizer/event-form";

/** A currency an organizer can pick by name; `address` empty means ETH. */
export type CurrencyChoice = { symbol: string; address: string };

/** The fields every organizer fills, in plain words: name, when (in the named time zone), price currency, limits. */
export function EventBasicsFields({
  form,
  set,
  timeZone,
  currencies,
}: {
  form: EventForm;
  set: <K extends keyof EventForm>(key: K, value: EventForm[K]) => void;
  timeZone: string | null;
  currencies: CurrencyChoice[];
}) {
  const zone = timeZone ?? "your time zone";
  const named = currencies.some((c) => c.address.toLowerCase() === form.currency.trim().toLowerCase());
  return (
    <div className="form-grid">
      <label className="field">
        Event name
        <input value={form.name} data-testid="event-name-input" onChange={(e) => set("name", e.target.value)} />
      </label>
      <label className="field">
        Starts ({zone})
        <input
          type="datetime-local"
          value={form.start}
          data-testid="event-start-input"
          onChange={(e) => set("start", e.target.value)}
        />
      </label>
      <label className="field">
        Ends ({zone})
        <input
          type="datetime-local"
          value={form.end}
          data-testid="event-end-input"
          onChange={(e) => set("end", e.target.value)}
        />
      </label>
      <label className="field">
        Prices in
        <select
          value={named ? form.currency.trim().toLowerCase() : "other"}
          data-testid="event-currency-select"
          onChange={(e) => set("currency", e.target.value === "other" ? form.currency : e.target.value)}
        >
          {currencies.map((c) => (
            <option key={c.symbol} value={c.address.toLowerCase()}>
              {c.symbol}
            </option>
          ))}
          {!named && <option value="other">Another token (see Advanced)</option>}
        </select>
      </label>
      <label className="field">
        Tickets per wallet (0 = no limit)
        <input
          value={form.maxPerWallet}
          inputMode="numeric"
          data-testid="event-max-input"
          onChange={(e) => set("maxPerWallet", e.target.value)}
        />
      </label>
      <label className="field">
        Your share of each resale (%, at most {MAX_ROYALTY_PERCENT})
        <input
          value={form.royaltyPercent}
          inputMode="decimal"
          data-testid="event-royalty-input"
          onChange={(e) => set("royaltyPercent", e.target.value)}
        />
      </label>
      <label className="field">
        Stop transfers and resales (hours before the start)
        <input
          value={form.lockWindowHours}
          inputMode="numeric"
          data-testid="event-lock-input"
          onChange={(e) => set("lockWindowHours", e.target.value)}
        />
      </label>
    </div>
  );
}
