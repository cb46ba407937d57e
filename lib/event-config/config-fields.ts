/**
 * Field schemas of an event config, in people's units. Each accepts what a spec file holds (numbers,
 * ISO dates) and what a form holds (the same numbers as typed text), so the CLI and the app share them.
 */
import { z } from "zod";

export const MAX_UINT24 = 2 ** 24 - 1;
export const MAX_UINT32 = 2 ** 32 - 1;
export const MAX_UINT96 = 2n ** 96n - 1n;

/** Text that is a plain decimal number becomes that number; anything else is left for zod to refuse. */
const typedNumber = (v: unknown) => (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);

/** A whole number in [min, max], given as a number or as typed digits. */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    typedNumber,
    z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min.toLocaleString("en")}`)
      .max(max, `must be at most ${max.toLocaleString("en")}`),
  );

/** Percent with up to two decimals → basis points. */
export const percent = (max: number) =>
  z
    .preprocess(
      typedNumber,
      z
        .number({ error: "must be a percentage, like 5 or 12.5" })
        .min(0, "cannot be negative")
        .max(max, `must be at most ${max} %`)
        .refine((v) => Number.isInteger(Math.round(v * 100 * 1e6) / 1e6), "has more than two decimals"),
    )
    .transform((v) => Math.round(v * 100));

/** "2030-07-01T20:00:00Z" (a zone is required, so nobody guesses), unix seconds, or a YAML date → unix seconds. */
const INSTANT_WORDS = "must be a date and time with its zone, like 2030-07-01T20:00:00Z, or unix seconds";
export const instant = z
  .union(
    [
      z
        .number()
        .int(INSTANT_WORDS)
        .positive(INSTANT_WORDS)
        .max(2 ** 40, INSTANT_WORDS),
      z.iso.datetime({ offset: true, error: INSTANT_WORDS }),
      z.date(), // YAML parses unquoted timestamps into Date
    ],
    { error: INSTANT_WORDS },
  )
  .transform((v) => BigInt(typeof v === "number" ? v : Math.floor(new Date(v).getTime() / 1000)));

const durationUnits = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const DURATION_WORDS = 'must be a duration: seconds, or like "30m", "2h", "1d"';
/** Seconds, or "90m" / "2h" / "1d". */
export const duration = z
  .union(
    [
      z.number().int(DURATION_WORDS).nonnegative(DURATION_WORDS),
      z
        .string()
        .trim()
        .regex(/^\d+(\.\d+)?[smhd]$/, DURATION_WORDS),
    ],
    { error: DURATION_WORDS },
  )
  .transform((v) =>
    typeof v === "number"
      ? v
      : Math.round(Number(v.slice(0, -1)) * durationUnits[v.at(-1) as keyof typeof durationUnits]),
  )
  .pipe(z.number().max(MAX_UINT32, "is too long"));

/** "0.05" (ETH, or the event's currency) as text (numbers lose precision), or 0 for free tickets.
 * Kept as text until the currency's decimals are known (checked against them in the schema). */
const AMOUNT_WORDS = 'must be an amount as text, like "0.05"';
export const amount = z
  .union(
    [
      z.literal(0),
      z
        .string()
        .trim()
        .regex(/^\d+(\.\d+)?$/, AMOUNT_WORDS),
    ],
    { error: AMOUNT_WORDS },
  )
  .transform((v) => (v === 0 ? "0" : v));

export const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be an address (0x and 40 hex digits)");

/** An ERC-20 the event is priced in; its decimals are checked against the token on chain at creation. */
export const currencySchema = z.strictObject({
  token: address,
  decimals: z.number().int().min(0).max(18),
  symbol: z.string().trim().min(1).max(11).optional(),
});

export const transferModes = { free: 0, "market-only": 1, locked: 2 } as const;
export type TransferModeKey = keyof typeof transferModes;
export const transferMode = z.enum(Object.keys(transferModes) as [TransferModeKey], {
  error: 'must be "free", "market-only" or "locked"',
});

/**
 * The ticker an event gets when none is given: the initials of a name of several words ("Summer
 * Night Live" → "SNL"), else its first letters; 1–11 capital letters or digits, as the symbol rule wants.
 */
export function symbolFromName(name: string): string {
  const words = name
    .normalize("NFKD")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== "");
  const symbol = words.length > 1 ? words.map((w) => w[0]).join("") : (words[0] ?? "");
  return symbol.slice(0, 11) || "TICKET";
}
