/**
 * Allocation channels: where a ticket was issued. Ids are fixed on chain (EventTicket):
 * 0 public sale (buy/claim), 1 sponsor, 2 staff, 3 artist, 4 organizer (mints naming no
 * channel), 5..7 named by the organizer. Shared by the app, the CLI and the indexer.
 */
import { stringToHex, type Hex } from "viem";

export const PUBLIC_CHANNEL = 0;
export const ORGANIZER_CHANNEL = 4;
export const MAX_CHANNELS = 8;
export const MAX_QUOTA = 0xff_ffff;

/** Names of the fixed channels; 5..7 take the organizer's name. */
export const fixedChannelNames = ["public", "sponsor", "staff", "artist", "organizer"] as const;

/** How a channel's tickets may move: can only tighten the tier's mode. */
export type ChannelMode = "Free" | "MarketOnly" | "Locked";
export const channelModes: readonly ChannelMode[] = ["Free", "MarketOnly", "Locked"];

export type ChannelRule = {
  /** 0..7 */
  id: number;
  /** Max tickets issued through the channel (≤ 16,777,215). */
  quota: number;
  /** Transfer rule for its tickets (default Free = the tier's own rule). Public (0) must be Free. */
  mode?: ChannelMode;
  /** Label for channels 5..7 (≤ 16 bytes UTF-8); ignored for 0..4. */
  name?: string;
};

/** A channel rule set that the contract would refuse. */
export class ChannelRulesError extends Error {
  override name = "ChannelRulesError";
}

/** The label shown for a channel id, using the event's names for 5..7. */
export function channelLabel(id: number, names: Readonly<Record<number, string>> = {}): string {
  if (id >= 0 && id < fixedChannelNames.length) return fixedChannelNames[id]!;
  return names[id] || `channel ${id}`;
}

/**
 * The `configureRules` arguments for a channel list: the packed rules word (32 bits per channel:
 * quota, mode, defined) and the bytes16 names.
 *
 * @example
 * const { channelRules, names } = encodeChannelRules([{ id: 0, quota: 850 }, { id: 1, quota: 100, mode: "MarketOnly" }]);
 */
export function encodeChannelRules(rules: readonly ChannelRule[]): { channelRules: bigint; names: readonly Hex[] } {
  let word = 0n;
  const names: Hex[] = Array.from({ length: MAX_CHANNELS }, () => `0x${"0".repeat(32)}` as Hex);
  const seen = new Set<number>();
  for (const r of rules) {
    if (!Number.isInteger(r.id) || r.id < 0 || r.id >= MAX_CHANNELS)
      throw new ChannelRulesError(`channel id ${r.id} is not 0..7`);
    if (seen.has(r.id)) throw new ChannelRulesError(`channel ${r.id} is listed twice`);
    seen.add(r.id);
    if (!Number.isInteger(r.quota) || r.quota < 0 || r.quota > MAX_QUOTA)
      throw new ChannelRulesError(`channel ${r.id}: quota must be 0..${MAX_QUOTA}`);
    const mode = channelModes.indexOf(r.mode ?? "Free");
    if (mode < 0) throw new ChannelRulesError(`channel ${r.id}: unknown mode ${r.mode}`);
    if (r.id === PUBLIC_CHANNEL && mode !== 0)
      throw new ChannelRulesError("the public channel follows its tiers' transfer mode (mode must be Free)");
    word |= (BigInt(r.quota) | (BigInt(mode) << 24n) | (1n << 26n)) << BigInt(32 * r.id);
    if (r.name && r.id >= fixedChannelNames.length) {
      if (new TextEncoder().encode(r.name).length > 16)
        throw new ChannelRulesError(`channel ${r.id}: name longer than 16 bytes`);
      names[r.id] = stringToHex(r.name, { size: 16 });
    }
  }
  return { channelRules: word, names };
}

/** Packs per-tier binding deadlines (seconds before start; 0 or absent = no binding) for `configureRules`. */
export function encodeIdentityDeadlines(secondsBeforeStart: Readonly<Record<number, number>>): bigint {
  let word = 0n;
  for (const [tier, secs] of Object.entries(secondsBeforeStart)) {
    const t = Number(tier);
    if (!Number.isInteger(t) || t < 0 || t > 7) throw new ChannelRulesError(`tier ${tier} is not 0..7`);
    if (!Number.isInteger(secs) || secs < 0 || secs > 0xffff_ffff)
      throw new ChannelRulesError(`tier ${tier}: deadline must be 0..4294967295 seconds`);
    word |= BigInt(secs) << BigInt(32 * t);
  }
  return word;
}

export type ChannelState = { id: number; defined: boolean; quota: number; minted: number; mode: ChannelMode };

/**
 * Decodes `channelWords()` (and `totalMinted()` for the public count) into one entry per channel.
 * Unconfigured events (channels word 0) report every channel open with the largest quota.
 */
export function decodeChannelWords(channels: bigint, rules: bigint, totalMinted: bigint): ChannelState[] {
  const configured = ((channels >> 24n) & 1n) === 1n;
  const out: ChannelState[] = [];
  let nonPublic = 0;
  for (let c = 1; c < MAX_CHANNELS; c++) nonPublic += Number((channels >> BigInt(32 * c)) & 0xffff_ffffn);
  out.push({
    id: 0,
    defined: true,
    quota: configured ? Number(channels & 0xff_ffffn) : MAX_QUOTA,
    minted: Number(totalMinted) - nonPublic,
    mode: "Free",
  });
  for (let c = 1; c < MAX_CHANNELS; c++) {
    const rule = rules >> BigInt(32 * c);
    const defined = !configured || ((rule >> 26n) & 1n) === 1n;
    out.push({
      id: c,
      defined,
      quota: !configured ? MAX_QUOTA : defined ? Number(rule & 0xff_ffffn) : 0,
      minted: Number((channels >> BigInt(32 * c)) & 0xffff_ffffn),
      mode: configured ? (channelModes[Number((rule >> 24n) & 3n)] ?? "Free") : "Free",
    });
  }
  return out;
}
