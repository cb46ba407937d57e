/**
 * The event spec file (`fairgate event create spec.yaml`): people-friendly units (ETH, percent,
 * dates, "2h"), validated with zod, then turned into the contract's EventConfig and TierConfig[].
 */
import { parseUnits, zeroAddress, type Address } from "viem";
import { z } from "zod";
import {
  encodeChannelRules,
  encodeIdentityDeadlines,
  fixedChannelNames,
  type ChannelMode,
  type ChannelRule,
} from "../../../lib/channels";

const MAX_TIERS = 8;
const MAX_UINT24 = 2 ** 24 - 1;
const MAX_UINT32 = 2 ** 32 - 1;
const MAX_UINT96 = 2n ** 96n - 1n;

/** "2026-07-01T20:00:00Z" (a zone is required, so nobody guesses) or unix seconds. */
const instant = z
  .union([
    z
      .number()
      .int()
      .positive()
      .max(2 ** 40),
    z.iso.datetime({
      offset: true,
      error: "must be an ISO date-time with a zone, like 2026-07-01T20:00:00Z, or unix seconds",
    }),
    z.date(), // YAML parses unquoted timestamps into Date
  ])
  .transform((v) => BigInt(typeof v === "number" ? v : Math.floor(new Date(v).getTime() / 1000)));

const durationUnits = { s: 1, m: 60, h: 3600, d: 86400 } as const;
/** Seconds, or "90m" / "2h" / "1d". */
const duration = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+[smhd]$/, 'must be seconds or like "30m", "2h", "1d"')])
  .transform((v) =>
    typeof v === "number" ? v : Number(v.slice(0, -1)) * durationUnits[v.at(-1) as keyof typeof durationUnits],
  )
  .pipe(z.number().max(MAX_UINT32, "is too long"));

/** "0.05" (ETH, or the event's currency) as a string (numbers lose precision) or 0 for free
 * tickets. Kept as text until the currency's decimals are known (see `eventSpecSchema`). */
const amount = z
  .union([z.literal(0), z.string().regex(/^\d+(\.\d{1,18})?$/, 'must be an amount as a string, like "0.05"')])
  .transform((v) => (v === 0 ? "0" : v));

/** An ERC-20 the event is priced in; its decimals are checked against the token on chain at creation. */
const currencySchema = z.strictObject({
  token: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be an address"),
  decimals: z.number().int().min(0).max(18),
  symbol: z.string().trim().min(1).max(11).optional(),
});

/** Percent with up to two decimals → basis points. */
const percent = (max: number) =>
  z
    .number()
    .min(0)
    .max(max, `must be at most ${max}%`)
    .refine((v) => Number.isInteger(Math.round(v * 100 * 1e6) / 1e6), "has more than two decimals")
    .transform((v) => Math.round(v * 100));

const transferModes = { free: 0, "market-only": 1, locked: 2 } as const;

const tierSchema = z
  .strictObject({
    name: z.string().min(1).max(64),
    price: amount,
    supply: z.number().int().min(1).max(MAX_UINT24),
    zones: z.array(z.string().min(1)).min(1, "must name at least one zone"),
    transfer: z
      .enum(Object.keys(transferModes) as [keyof typeof transferModes], {
        error: 'must be "free", "market-only" or "locked"',
      })
      .default("market-only"),
    resaleCapPercent: percent(655).prefault(100),
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
  quota: z.number().int().min(0).max(MAX_UINT24),
  transfer: z
    .enum(Object.keys(transferModes) as [keyof typeof transferModes], {
      error: 'must be "free", "market-only" or "locked"',
    })
    .default("free"),
});

export const eventSpecSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(128),
    symbol: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{1,11}$/, "must be 1–11 capital letters or digits"),
    start: instant,
    end: instant,
    lockWindow: duration.prefault(0),
    maxPerWallet: z.number().int().min(0).max(MAX_UINT32).default(0),
    maxPerIdentity: z.number().int().min(0).max(MAX_UINT32).default(0),
    royaltyPercent: percent(100).prefault(0),
    voucherSigner: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "must be an address")
      .optional(),
    /** Omitted: prices in the native coin (ETH). */
    currency: currencySchema.optional(),
    /** Zone names in bit order: the first is bit 0. */
    zones: z.array(z.string().min(1).max(32)).min(1).max(32).default(["general"]),
    tiers: z.array(tierSchema).min(1, "needs at least one tier").max(MAX_TIERS, `allows at most ${MAX_TIERS} tiers`),
    /** Allocation channels with quotas and transfer rules; absent: every channel open, no quota. */
    channels: z.array(channelSchema).max(8).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.end <= spec.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    if (new Set(spec.zones).size !== spec.zones.length)
      ctx.addIssue({ code: "custom", path: ["zones"], message: "names a zone twice" });
    const channelNames = (spec.channels ?? []).map((c) => c.channel);
    channelNames.forEach((name, i) => {
      if (channelNames.indexOf(name) !== i)
        ctx.addIssue({ code: "custom", path: ["channels", i, "channel"], message: `"${name}" is listed twice` });
    });
    if (channelNames.filter((n) => !(fixedChannelNames as readonly string[]).includes(n)).length > 3) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "allows at most 3 channels of your own (ids 5–7)" });
    }
    (spec.channels ?? []).forEach((c, i) => {
      if (c.channel === "public" && c.transfer !== "free")
        ctx.addIssue({
          code: "custom",
          path: ["channels", i, "transfer"],
          message: "the public channel follows its tiers' transfer rule (leave it free)",
        });
      if (new TextEncoder().encode(c.channel).length > 16)
        ctx.addIssue({ code: "custom", path: ["channels", i, "channel"], message: "is longer than 16 bytes" });
    });
    spec.tiers.forEach((tier, i) => {
      if (tier.identityDeadline !== undefined && BigInt(tier.identityDeadline) >= spec.start) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "identityDeadline"],
          message: "reaches back before 1970 from the start",
        });
      }
    });
    const names = new Set<string>();
    const decimals = spec.currency?.decimals ?? 18;
    spec.tiers.forEach((tier, i) => {
      if ((tier.price.split(".")[1] ?? "").length > decimals) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "price"],
          message: `has more decimals than the currency (${decimals})`,
        });
      } else if (parseUnits(tier.price, decimals) > MAX_UINT96) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "price"], message: "is too large" });
      }
      if (names.has(tier.name))
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "name"],
          message: `"${tier.name}" is used by an earlier tier`,
        });
      names.add(tier.name);
      tier.zones.forEach((zone, j) => {
        if (!spec.zones.includes(zone)) {
          ctx.addIssue({
            code: "custom",
            path: ["tiers", i, "zones", j],
            message: `"${zone}" is not in the event's zones (${spec.zones.join(", ")})`,
          });
        }
      });
    });
  });

export type EventSpec = z.output<typeof eventSpecSchema>;

export type ContractEventArgs = {
  config: {
    name: string;
    symbol: string;
    startTime: bigint;
    endTime: bigint;
    lockWindow: number;
    maxPerWallet: number;
    maxPerIdentity: number;
    royaltyBps: number;
    voucherSigner: Address;
    currency: Address;
  };
  tiers: {
    faceValue: bigint;
    supply: number;
    zones: number;
    mode: number;
    resaleCapBps: number;
    voucherOnly: boolean;
    reserved: boolean;
  }[];
  /** `configureRules(channelRules, identityDeadlines, names)`, sent right after creation; absent when the spec sets neither. */
  rules?: { channelRules: bigint; identityDeadlines: bigint; names: readonly `0x${string}`[]; channels: ChannelRule[] };
};

const modeNames: Record<keyof typeof transferModes, ChannelMode> = {
  free: "Free",
  "market-only": "MarketOnly",
  locked: "Locked",
};

/** Channel names → ids: the fixed ones keep theirs, your own take 5, 6, 7 in order. */
function channelRules(spec: EventSpec): ChannelRule[] {
  let next = fixedChannelNames.length;
  return (spec.channels ?? []).map((c) => {
    const fixed = (fixedChannelNames as readonly string[]).indexOf(c.channel);
    return {
      id: fixed >= 0 ? fixed : next++,
      quota: c.quota,
      mode: modeNames[c.transfer],
      name: fixed >= 0 ? undefined : c.channel,
    };
  });
}

/** The `createEventWithTiers(EventConfig, TierConfig[])` arguments for a validated spec. */
export function toContractArgs(spec: EventSpec): ContractEventArgs {
  const zoneBit = (name: string) => 2 ** spec.zones.indexOf(name);
  const decimals = spec.currency?.decimals ?? 18;
  return {
    config: {
      name: spec.name,
      symbol: spec.symbol,
      startTime: spec.start,
      endTime: spec.end,
      lockWindow: spec.lockWindow,
      maxPerWallet: spec.maxPerWallet,
      maxPerIdentity: spec.maxPerIdentity,
      royaltyBps: spec.royaltyPercent,
      voucherSigner: (spec.voucherSigner as Address | undefined) ?? zeroAddress,
      currency: (spec.currency?.token as Address | undefined) ?? zeroAddress,
    },
    tiers: spec.tiers.map((t) => ({
      faceValue: parseUnits(t.price, decimals),
      supply: t.supply,
      // Sum of distinct bits; >>> 0 keeps bit 31 unsigned.
      zones: [...new Set(t.zones)].reduce((mask, z) => mask + zoneBit(z), 0) >>> 0,
      mode: transferModes[t.transfer],
      resaleCapBps: t.resaleCapPercent,
      voucherOnly: t.voucherOnly,
      reserved: t.reserved,
    })),
    ...rulesOf(spec),
  };
}

function rulesOf(spec: EventSpec): Pick<ContractEventArgs, "rules"> {
  const deadlines = Object.fromEntries(
    spec.tiers.flatMap((t, i) => (t.identityDeadline ? [[i, t.identityDeadline]] : [])),
  );
  if (!spec.channels?.length && Object.keys(deadlines).length === 0) return {};
  const channels = channelRules(spec);
  const { channelRules: word, names } = encodeChannelRules(channels);
  return { rules: { channelRules: word, identityDeadlines: encodeIdentityDeadlines(deadlines), names, channels } };
}
