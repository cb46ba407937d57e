/**
 * The one event-configuration schema (issue 21, item 3): the app's create form and the CLI's spec
 * file both validate through it and turn its output into `createEventWithTiers` arguments with
 * `toContractArgs`. Every refusal is said in words; `describeProblems` gives each a place.
 */
import { parseUnits } from "viem";
import { z } from "zod";
import { fixedChannelNames } from "../channels";
import {
  address,
  amount,
  currencySchema,
  duration,
  instant,
  MAX_UINT24,
  MAX_UINT32,
  MAX_UINT96,
  percent,
  symbolFromName,
  transferMode,
  transferModes,
  wholeNumber,
} from "./config-fields";

export { symbolFromName, transferModes };

export const MAX_TIERS = 8;
/**
 * Royalty the organizer takes on each resale. The contract accepts up to 100 % (10,000 bps); above
 * 25 % a reseller keeps too little for the official market to beat private deals, so we refuse it.
 */
export const MAX_ROYALTY_PERCENT = 25;
/** The contract stores the resale cap in basis points in a uint16: at most 655.35 % of face value. */
export const MAX_RESALE_CAP_PERCENT = 655;

const tierSchema = z
  .strictObject({
    /** Absent: "Tier n" (the app's form has no tier names of its own). */
    name: z.string().trim().min(1).max(64).optional(),
    price: amount,
    supply: wholeNumber(1, MAX_UINT24),
    zones: z.array(z.string().min(1)).min(1, "must name at least one zone"),
    transfer: transferMode.default("market-only"),
    resaleCapPercent: percent(MAX_RESALE_CAP_PERCENT).prefault(100),
    voucherOnly: z.boolean().default(false),
    /** Reserved seating: sold seat by seat (`buySeats`); the venue layout maps seats to this tier. */
    reserved: z.boolean().default(false),
    /** Holders must bind an identity this long before the start (e.g. "24h"); absent: no binding. */
    identityDeadline: duration.optional(),
  })
  .refine((t) => !(t.reserved && t.voucherOnly), {
    message: "reserved seating cannot be voucher only (seats are bought by number)",
    path: ["reserved"],
  });

/** An allocation channel: public, sponsor, staff, artist, organizer, or a name of your own (ids 5–7 in order). */
const channelSchema = z.strictObject({
  channel: z.string().trim().min(1).max(16),
  quota: wholeNumber(0, MAX_UINT24),
  transfer: transferMode.default("free"),
});

const baseSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  /** The ticker wallets show; absent or empty: derived from the name (`symbolFromName`). */
  symbol: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{0,11}$/, "must be 1–11 letters or digits")
    .optional(),
  start: instant,
  end: instant,
  lockWindow: duration.prefault(0),
  maxPerWallet: wholeNumber(0, MAX_UINT32).prefault(0),
  maxPerIdentity: wholeNumber(0, MAX_UINT32).prefault(0),
  royaltyPercent: percent(MAX_ROYALTY_PERCENT).prefault(0),
  voucherSigner: address.optional(),
  /** Omitted: prices in the native coin (ETH). */
  currency: currencySchema.optional(),
  /** Zone names in bit order: the first is bit 0. */
  zones: z.array(z.string().min(1).max(32)).min(1).max(32).default(["general"]),
  tiers: z.array(tierSchema).min(1, "needs at least one tier").max(MAX_TIERS, `allows at most ${MAX_TIERS} tiers`),
  /** Allocation channels with quotas and transfer rules; absent: every channel open, no quota. */
  channels: z.array(channelSchema).max(8).optional(),
});
type Base = z.output<typeof baseSchema>;

/** Times: the event lies ahead, ends after it starts, and its windows open after now. */
function checkTimes(c: Base, now: bigint, ctx: z.RefinementCtx): void {
  if (c.start <= now) ctx.addIssue({ code: "custom", path: ["start"], message: "is in the past; pick a later time" });
  if (c.end <= c.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after the start" });
  if (c.start > now && now + BigInt(c.lockWindow) >= c.start)
    ctx.addIssue({
      code: "custom",
      path: ["lockWindow"],
      message: "begins before now, so transfers and resales would be closed from the moment of creation",
    });
  c.tiers.forEach((tier, i) => {
    if (tier.identityDeadline === undefined) return;
    if (BigInt(tier.identityDeadline) >= c.start)
      ctx.addIssue({ code: "custom", path: ["tiers", i, "identityDeadline"], message: "reaches back before 1970" });
    else if (c.start > now && c.start - BigInt(tier.identityDeadline) <= now)
      ctx.addIssue({
        code: "custom",
        path: ["tiers", i, "identityDeadline"],
        message: "is already past: holders would have no time to name themselves",
      });
  });
}

function checkChannels(c: Base, ctx: z.RefinementCtx): void {
  const names = (c.channels ?? []).map((ch) => ch.channel);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      ctx.addIssue({ code: "custom", path: ["channels", i, "channel"], message: `"${name}" is listed twice` });
  });
  if (names.filter((n) => !(fixedChannelNames as readonly string[]).includes(n)).length > 3)
    ctx.addIssue({ code: "custom", path: ["channels"], message: "allows at most 3 channels of your own (ids 5–7)" });
  (c.channels ?? []).forEach((ch, i) => {
    if (ch.channel === "public" && ch.transfer !== "free")
      ctx.addIssue({
        code: "custom",
        path: ["channels", i, "transfer"],
        message: "the public channel follows its tiers' transfer rule (leave it free)",
      });
    if (new TextEncoder().encode(ch.channel).length > 16)
      ctx.addIssue({ code: "custom", path: ["channels", i, "channel"], message: "is longer than 16 bytes" });
  });
}

function checkTiers(c: Base, ctx: z.RefinementCtx): void {
  if (new Set(c.zones).size !== c.zones.length)
    ctx.addIssue({ code: "custom", path: ["zones"], message: "names a zone twice" });
  const decimals = c.currency?.decimals ?? 18;
  const names = new Set<string>();
  c.tiers.forEach((tier, i) => {
    const at = (...rest: (string | number)[]) => ["tiers", i, ...rest];
    let face = 0n;
    if ((tier.price.split(".")[1] ?? "").length > decimals)
      ctx.addIssue({ code: "custom", path: at("price"), message: `has more decimals than the currency (${decimals})` });
    else if ((face = parseUnits(tier.price, decimals)) > MAX_UINT96)
      ctx.addIssue({ code: "custom", path: at("price"), message: "is too large" });
    // Under face value a reseller gets back less than they paid; a locked tier is never resold and a
    // zero-price tier's cap is zero whatever the percent, so the cap means nothing there.
    if (face > 0n && tier.transfer !== "locked" && tier.resaleCapPercent < 10_000)
      ctx.addIssue({
        code: "custom",
        path: at("resaleCapPercent"),
        message: "is below 100 %: a fan who resells would get back less than face value (lock the tier to stop resale)",
      });
    if (tier.name !== undefined) {
      if (names.has(tier.name))
        ctx.addIssue({ code: "custom", path: at("name"), message: `"${tier.name}" is used by an earlier tier` });
      names.add(tier.name);
    }
    tier.zones.forEach((zone, j) => {
      if (!c.zones.includes(zone))
        ctx.addIssue({
          code: "custom",
          path: at("zones", j),
          message: `"${zone}" is not in the event's zones (${c.zones.join(", ")})`,
        });
    });
  });
}

/**
 * The schema, judged at `now` (unix seconds): a start in the past is refused.
 *
 * @example
 * eventConfigSchema(BigInt(Math.floor(Date.now() / 1000))).safeParse(yamlOrFormInput)
 */
export function eventConfigSchema(now: bigint) {
  // A pipe: the cross-field checks see only fields that passed their own (a refused cap is never compared).
  return baseSchema
    .pipe(
      z.custom<Base>().superRefine((c, ctx) => {
        checkTimes(c, now, ctx);
        checkChannels(c, ctx);
        checkTiers(c, ctx);
      }),
    )
    .transform((c) => ({
      ...c,
      symbol: c.symbol ? c.symbol.toUpperCase() : symbolFromName(c.name),
      tiers: c.tiers.map((t, i) => ({ ...t, name: t.name ?? `Tier ${i}` })),
    }));
}

/** What a spec file or the form may hold (numbers may be typed text). */
export type EventConfigInput = z.input<ReturnType<typeof eventConfigSchema>>;
/** A validated event config, in people's units (percent as basis points, times as unix seconds). */
export type EventConfig = z.output<ReturnType<typeof eventConfigSchema>>;
