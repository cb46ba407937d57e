"use client";

import { formatPrice } from "../../../../lib/currency/currency";
import type { EventConfig } from "../../../../lib/event-config/event-config-schema";
import type { ContractEventArgs } from "../../../../lib/event-config/contract-args";
import { TRANSFER_MODE_WORDS, transferModeName, zoneNames } from "../../../format/ticket-words";

/** dateStyle cannot be combined with timeZoneName, so the zone is named after the time. */
const when = (seconds: bigint, timeZone: string | null) =>
  new Date(Number(seconds) * 1000).toLocaleString(undefined, {
    dateStyle: "full",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }) + (timeZone ? ` (${timeZone})` : "");

/** The event page as fans will see it, drawn from the validated config before anything is sent. */
export function EventPreview({
  config,
  args,
  currencySymbol,
  timeZone,
}: {
  config: EventConfig;
  args: ContractEventArgs;
  currencySymbol: string;
  timeZone: string | null;
}) {
  const currency = { symbol: currencySymbol, decimals: config.currency?.decimals ?? 18 };
  return (
    <article className="panel stack" data-testid="event-preview" aria-label="Preview of the event page">
      <p className="small">Preview: nothing has been sent yet.</p>
      <h2 data-testid="preview-name">{config.name}</h2>
      <p data-testid="preview-when">
        {when(config.start, timeZone)} – {when(config.end, timeZone)}
      </p>
      <ul className="stack">
        {args.tiers.map((t, i) => (
          <li key={config.tiers[i]!.name} className="tier-card" data-testid="preview-tier" data-tier={i}>
            <strong>{config.tiers[i]!.name}</strong>: {t.faceValue === 0n ? "Free" : formatPrice(t.faceValue, currency)}{" "}
            · {t.supply.toLocaleString("en")} tickets · {zoneNames(t.zones).join(", ")}
            <div className="small">{TRANSFER_MODE_WORDS[transferModeName(t.mode)]}</div>
            {t.mode !== 2 && <div className="small">Resale up to {t.resaleCapBps / 100} % of the price.</div>}
          </li>
        ))}
      </ul>
      <p className="small">
        {args.config.maxPerWallet > 0 ? `At most ${args.config.maxPerWallet} tickets per wallet. ` : ""}
        {args.config.royaltyBps > 0 ? `You receive ${args.config.royaltyBps / 100} % of each resale. ` : ""}
        Ticker symbol in wallets: {config.symbol}.
      </p>
    </article>
  );
}
