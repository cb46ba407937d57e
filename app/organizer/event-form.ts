import { parseUnits, zeroAddress } from "viem";
import { z } from "zod";
import { toLocalInput } from "../format/local-datetime";

/** What the create-event form holds: strings as typed, one entry per tier. */
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
  symbol: string;
  /** `datetime-local` values (local time, no zone). */
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

/** The `EventConfig` / `TierConfig` structs of `TicketFactory.createEventWithTiers`. */
export type EventConfigArgs = {
  name: string;
  symbol: string;
  startTime: bigint;
  endTime: bigint;
  lockWindow: number;
  maxPerWallet: number;
  maxPerIdentity: number;
  royaltyBps: number;
  voucherSigner: `0x${string}`;
  currency: `0x${string}`;
};
export type TierConfigArgs = {
  faceValue: bigint;
  supply: number;
  zones: number;
  mode: number;
  resaleCapBps: number;
  voucherOnly: boolean;
  reserved: boolean;
};

const MAX_UINT96 = (1n << 96n) - 1n;
const intIn = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${label}: a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label}: between ${min} and ${max}`);
const percent = (label: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, `${label}: a percentage like 5 or 12.5`)
    .transform((s) => Math.round(Number(s) * 100))
    .refine((bps) => bps <= max * 100, `${label}: at most ${max}%`);
/** A face value in the currency's smallest unit (`decimals` from the token, 18 for ETH). */
const amount = (decimals: number) =>
  z
    .string()
    .trim()
    .regex(
      decimals > 0 ? new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`) : /^\d+$/,
      `Face value: an amount like 0.05 (at most ${decimals} decimals)`,
    )
    .transform((s) => parseUnits(s, decimals))
    .refine((v) => v <= MAX_UINT96, "Face value: too large");
const localTime = (label: string) =>
  z
    .string()
    .refine((s) => !Number.isNaN(new Date(s).getTime()), `${label}: pick a date and time`)
    .transform((s) => BigInt(Math.floor(new Date(s).getTime() / 1000)));

const tierSchema = (decimals: number) =>
  z
    .object({
      faceValueEth: amount(decimals),
      supply: intIn("Supply", 1, 16_777_215),
      zones: z.number().int().min(1, "Zones: pick at least one").max(0xffffffff),
      mode: z.number().int().min(0).max(2),
      resaleCapPercent: percent("Resale cap", 655),
      voucherOnly: z.boolean(),
      reserved: z.boolean().default(false),
    })
    .refine(
      (t) => !(t.reserved && t.voucherOnly),
      "A reserved-seating tier cannot be voucher only (seats are bought by number)",
    );

const formSchema = (decimals: number) =>
  z
    .object({
      name: z.string().trim().min(1, "Name: required").max(100, "Name: at most 100 characters"),
      symbol: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{1,11}$/, "Symbol: 1–11 letters or digits"),
      start: localTime("Start"),
      end: localTime("End"),
      lockWindowHours: intIn("Transfer lock (hours)", 0, 24 * 365),
      maxPerWallet: intIn("Max per wallet", 0, 1_000_000),
      royaltyPercent: percent("Royalty", 100),
      currency: z
        .string()
        .trim()
        .regex(/^(0x[0-9a-fA-F]{40})?$/, "Currency: an ERC-20 token address, or empty for ETH"),
      tiers: z.array(tierSchema(decimals)).min(1, "Tiers: at least one").max(8, "Tiers: at most 8"),
    })
    .refine((f) => f.end > f.start, { message: "End: must be after the start", path: ["end"] });

export type EventFormResult =
  | { ok: true; config: EventConfigArgs; tiers: TierConfigArgs[] }
  | { ok: false; problems: string[] };

/**
 * Validates the create-event form and builds the contract arguments, or lists every problem in
 * words (the contract would only say `EventTicketBadConfig`).
 *
 * @example
 * const result = parseEventForm(form); if (result.ok) createEventWithTiers(result.config, result.tiers)
 */
export function parseEventForm(form: EventForm, currency: FormCurrency = { decimals: 18 }): EventFormResult {
  const parsed = formSchema(currency.decimals).safeParse(form);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        i.path[0] === "tiers" && i.path.length > 1 ? `Tier ${String(i.path[1])}: ${i.message}` : i.message,
      ),
    };
  const f = parsed.data;
  return {
    ok: true,
    config: {
      name: f.name,
      symbol: f.symbol.toUpperCase(),
      startTime: f.start,
      endTime: f.end,
      lockWindow: f.lockWindowHours * 3600,
      maxPerWallet: f.maxPerWallet,
      maxPerIdentity: 0,
      royaltyBps: f.royaltyPercent,
      voucherSigner: zeroAddress,
      currency: (f.currency || zeroAddress) as `0x${string}`,
    },
    tiers: f.tiers.map((t) => ({
      faceValue: t.faceValueEth,
      supply: t.supply,
      zones: t.zones,
      mode: t.mode,
      resaleCapBps: t.resaleCapPercent,
      voucherOnly: t.voucherOnly,
      reserved: t.reserved ?? false,
    })),
  };
}

/** A sensible starting form: one general-admission tier, a week from now. */
export function defaultEventForm(now = new Date()): EventForm {
  const start = new Date(now.getTime() + 7 * 24 * 3600_000);
  const end = new Date(start.getTime() + 6 * 3600_000);
  return {
    name: "",
    symbol: "FG",
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
