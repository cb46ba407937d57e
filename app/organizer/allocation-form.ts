/**
 * The create form's allocation channels and real-name deadline → `configureRules` arguments.
 * Channels, one per line: `<name> <quota> [free|market-only|locked]`; names public, sponsor, staff,
 * artist, organizer keep their ids, others take 5, 6, 7 in order. Real-name: tickets of the listed
 * tiers must be bound to an identity `hours` before the start.
 */
import {
  ChannelRulesError,
  encodeChannelRules,
  encodeIdentityDeadlines,
  fixedChannelNames,
  type ChannelMode,
  type ChannelRule,
} from "../../lib/channels";

export type AllocationForm = { channels: string; bindHours: string; bindTiers: string };
export type RulesArgs = { channelRules: bigint; identityDeadlines: bigint; names: readonly `0x${string}`[] };
export type AllocationResult = { ok: true; rules: RulesArgs | null } | { ok: false; problems: string[] };

const modes: Record<string, ChannelMode> = { free: "Free", "market-only": "MarketOnly", locked: "Locked" };

export function parseAllocationForm(f: AllocationForm, tierCount: number): AllocationResult {
  const problems: string[] = [];
  const channels: ChannelRule[] = [];
  let next = fixedChannelNames.length;
  f.channels
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .forEach((line, i) => {
      const [name, quota, mode = "free", ...rest] = line.split(/\s+/);
      if (rest.length > 0 || !name || !quota || !/^\d+$/.test(quota) || !(mode in modes)) {
        problems.push(`Channels, line ${i + 1}: write "<name> <quota> [free|market-only|locked]"`);
        return;
      }
      const fixed = (fixedChannelNames as readonly string[]).indexOf(name.toLowerCase());
      if (fixed < 0 && next > 7) {
        problems.push(`Channels, line ${i + 1}: at most 3 channels of your own`);
        return;
      }
      channels.push({
        id: fixed >= 0 ? fixed : next++,
        quota: Number(quota),
        mode: modes[mode],
        name: fixed >= 0 ? undefined : name,
      });
    });
  const hours = f.bindHours.trim();
  const deadlines: Record<number, number> = {};
  if (hours !== "") {
    if (!/^\d+(\.\d+)?$/.test(hours) || Number(hours) <= 0)
      problems.push("Real-name deadline: hours before the start, a positive number");
    const tiers = f.bindTiers
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (tiers.length === 0) problems.push("Real-name deadline: list the tiers it applies to, e.g. 0,2");
    for (const t of tiers) {
      if (!/^\d+$/.test(t) || Number(t) >= tierCount) problems.push(`Real-name deadline: there is no tier ${t}`);
      else deadlines[Number(t)] = Math.round(Number(hours) * 3600);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (channels.length === 0 && Object.keys(deadlines).length === 0) return { ok: true, rules: null };
  try {
    const { channelRules, names } = encodeChannelRules(channels);
    return { ok: true, rules: { channelRules, identityDeadlines: encodeIdentityDeadlines(deadlines), names } };
  } catch (err) {
    if (err instanceof ChannelRulesError) return { ok: false, problems: [`Channels: ${err.message}`] };
    throw err;
  }
}
