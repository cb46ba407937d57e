"use client";

import { TRANSFER_MODES, ZONE_NAMES } from "../../format/ticket-words";
import type { TierForm } from "../../organizer/event-form";

/** One tier's inputs in the create-event form. */
export function TierFields({
  index,
  tier,
  onChange,
  onRemove,
}: {
  index: number;
  tier: TierForm;
  onChange: (t: TierForm) => void;
  onRemove?: () => void;
}) {
  const set = <K extends keyof TierForm>(key: K, value: TierForm[K]) => onChange({ ...tier, [key]: value });
  return (
    <fieldset className="tier-card stack" data-testid="tier-fields" data-tier={index}>
      <legend>Tier {index}</legend>
      <div className="form-grid">
        <label className="field">
          Face value (ETH, or the currency above)
          <input
            value={tier.faceValueEth}
            inputMode="decimal"
            data-testid="tier-face"
            onChange={(e) => set("faceValueEth", e.target.value)}
          />
        </label>
        <label className="field">
          Supply
          <input
            value={tier.supply}
            inputMode="numeric"
            data-testid="tier-supply"
            onChange={(e) => set("supply", e.target.value)}
          />
        </label>
        <label className="field">
          Resale cap (% of face)
          <input
            value={tier.resaleCapPercent}
            inputMode="decimal"
            data-testid="tier-cap"
            onChange={(e) => set("resaleCapPercent", e.target.value)}
          />
        </label>
        <label className="field">
          Transfers
          <select value={tier.mode} data-testid="tier-mode" onChange={(e) => set("mode", Number(e.target.value))}>
            {TRANSFER_MODES.map((m, i) => (
              <option key={m} value={i}>
                {m === "Free" ? "Free transfer" : m === "MarketOnly" ? "Official market only" : "Locked (soulbound)"}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row small">
        Zones:
        {ZONE_NAMES.map((zone, bit) => (
          <label key={zone} className="row">
            <input
              type="checkbox"
              checked={(tier.zones & (1 << bit)) !== 0}
              data-testid={`tier-zone-${bit}`}
              onChange={(e) => set("zones", e.target.checked ? tier.zones | (1 << bit) : tier.zones & ~(1 << bit))}
            />
            {zone}
          </label>
        ))}
        <label className="row">
          <input
            type="checkbox"
            checked={tier.voucherOnly}
            data-testid="tier-voucher"
            onChange={(e) => set("voucherOnly", e.target.checked)}
          />
          Real-name (voucher only)
        </label>
        <label className="row">
          <input
            type="checkbox"
            checked={tier.reserved ?? false}
            data-testid="tier-reserved"
            onChange={(e) => set("reserved", e.target.checked)}
          />
          Reserved seating (sold by seat)
        </label>
      </div>
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          Remove tier {index}
        </button>
      )}
    </fieldset>
  );
}
