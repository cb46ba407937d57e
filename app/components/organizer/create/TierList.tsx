"use client";

import type { TierForm } from "../../../organizer/event-form";
import { TierFields } from "../TierFields";

const NEW_TIER: TierForm = {
  faceValueEth: "0.1",
  supply: "50",
  zones: 3,
  mode: 1,
  resaleCapPercent: "110",
  voucherOnly: false,
  reserved: false,
};

/** The form's tiers (1–8), each editable and removable while more than one is left, and the button to add one. */
export function TierList({ tiers, onChange }: { tiers: TierForm[]; onChange: (tiers: TierForm[]) => void }) {
  return (
    <>
      {tiers.map((tier, i) => (
        <TierFields
          // biome-ignore lint/suspicious/noArrayIndexKey: a tier is its position (tier id = index on chain)
          key={i}
          index={i}
          tier={tier}
          onChange={(t) => onChange(tiers.map((old, j) => (j === i ? t : old)))}
          onRemove={tiers.length > 1 ? () => onChange(tiers.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <button
        type="button"
        className="button secondary"
        data-testid="add-tier"
        disabled={tiers.length >= 8}
        onClick={() => onChange([...tiers, NEW_TIER])}
      >
        Add tier
      </button>
    </>
  );
}
