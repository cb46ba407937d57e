/**
 * What the create-event form holds (text as typed) and its mapping onto the one event-config schema
 * (`lib/event-config`), which validates it exactly as it validates the CLI's spec file.
 */
import type { ConfigProblem } from "../../lib/event-config/problems";
import { parseEventConfig } from "../../lib/event-config/problems";
import type { ContractEventArgs } from "../../lib/event-config/contract-args";
import type { EventConfig, EventConfigInput } from "../../lib/event-config/event-config-schema";
import { toLocalInput } from "../format/local-datetime";
import type { AllocationInput } from "./allocation-form";
import { ZONE_NAMES } from "../format/ticket-words";

/** One tier as typed; `zones` is a bit mask over `ZONE_NAMES`, `mode` the contract's TransferMode. */
export type TierForm = {
  faceValueEth: string;
  supply: string;
  zones: number;
  mode: number;
  resaleCapPercent: string;
  voucherOnly: boolean;
  reserved?: boolean;
};
export type EventForm = {
  name: string;
  /** Empty: derived from the name by the schema. */
  symbol: string;
  /** `datetime-local` values (the browser's time zone, no zone in the text). */
  start: string;
  end: string;
  lockWindowHours: string;
  maxPerWallet: string;
  royaltyPercent: string;
  /** ERC-20 the event is priced in (empty: ETH); face values are then in that token. */
  currency: string;
  tiers: TierForm[];
};

/** Decimals of the form's currency, read from the token before parsing (18 for ETH). */
export type FormCurrency = { decimals: number };

const MODE_KEYS = ["free", "market-only", "locked"] as const;

/** A `datetime-local` value read in the browser's zone → unix seconds; anything else stays text for the schema to refuse. */
function localToUnix(value: string): number | string {
  const ms = new Date(value).getTime();
  return value !== "" && Number.isFinite(ms) ? Math.floor(ms / 1000) : value;
}

const NO_ALLOCATION: AllocationInput = { channels: [], identityDeadlines: {} };

/** The form as event-config input: the same shape a spec file has. */
export function toConfigInput(
  form: EventForm,
  currency: FormCurrency = { decimals: 18 },
  allocation: AllocationInput = NO_ALLOCATION,
): EventConfigInput {
  const token = form.currency.trim();
  const hours = form.lockWindowHours.trim();
  return {
    name: form.name,
    symbol: form.symbol.trim() || undefined,
    start: localToUnix(form.start) as EventConfigInput["start"],
    end: localToUnix(form.end) as EventConfigInput["end"],
    lockWindow: /^\d+(\.\d+)?$/.test(hours) ? `${hours}h` : hours,
    maxPerWallet: form.maxPerWallet,
    royaltyPercent: form.royaltyPercent,
    currency: token ? { token, decimals: currency.decimals } : undefined,
    zones: [...ZONE_NAMES],
    tiers: form.tiers.map((t, i) => ({
      price: t.faceValueEth.trim(),
      supply: t.supply,
      zones: ZONE_NAMES.filter((_, bit) => (t.zones & (1 << bit)) !== 0),
      transfer: MODE_KEYS[t.mode] ?? "locked",
      resaleCapPercent: t.resaleCapPercent,
      voucherOnly: t.voucherOnly,
      reserved: t.reserved ?? false,
      identityDeadline: allocation.identityDeadlines[i],
    })),
    channels: allocation.channels.length > 0 ? allocation.channels : undefined,
  };
}

export type EventFormResult =
  | { ok: true; config: EventConfig; args: ContractEventArgs }
  | { ok: false; problems: ConfigProblem[] };

/**
 * Validates the create-event form at `now` and builds the contract arguments, or lists every
 * problem in words (the contract would only say `EventTicketBadConfig`).
 *
 * @example
 * const r = parseEventForm(form); if (r.ok) createEventWithTiers(r.args.config, r.args.tiers)
 */
export function parseEventForm(
  form: EventForm,
  currency: FormCurrency = { decimals: 18 },
  now?: Date,
  allocation: AllocationInput = NO_ALLOCATION,
): EventFormResult {
  return parseEventConfig(
    toConfigInput(form, currency, allocation),
    now ? BigInt(Math.floor(now.getTime() / 1000)) : undefined,
  );
}

/** A sensible starting form: one general-admission tier, a week from now. */
export function defaultEventForm(now = new Date()): EventForm {
  const start = new Date(now.getTime() + 7 * 24 * 3600_000);
  const end = new Date(start.getTime() + 6 * 3600_000);
  return {
    name: "",
    symbol: "",
    start: toLocalInput(start),
    end: toLocalInput(end),
    lockWindowHours: "0",
    maxPerWallet: "4",
    royaltyPercent: "5",
    currency: "",
    tiers: [
      {
        faceValueEth: "0.05",
        supply: "100",
        zones: 1,
        mode: 0,
        resaleCapPercent: "120",
        voucherOnly: false,
        reserved: false,
      },
    ],
  };
}
