/**
 * The create form's allocation channels and real-name deadline, as typed, mapped onto the event
 * config's `channels` and tiers' `identityDeadline` (lib/event-config), which judges them exactly as it
 * judges a CLI spec. Here only the typing is checked. Channels, one per line:
 * `<name> <quota> [free|market-only|locked]`; real-name: tickets of the listed tiers must be bound to
 * an identity `hours` before the start.
 */
import { fixedChannelNames } from "../../lib/channels";

export type AllocationForm = { channels: string; bindHours: string; bindTiers: string };

export type AllocationInput = {
  channels: { channel: string; quota: string; transfer: "free" | "market-only" | "locked" }[];
  /** Tier index → how long before the start holders must name themselves ("24h"). */
  identityDeadlines: Record<number, string>;
};
export type AllocationResult = { ok: true; input: AllocationInput } | { ok: false; problems: string[] };

const MODES = ["free", "market-only", "locked"] as const;

export function parseAllocationForm(f: AllocationForm, tierCount: number): AllocationResult {
  const problems: string[] = [];
  const channels: AllocationInput["channels"] = [];
  f.channels
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .forEach((line, i) => {
      const [name, quota, mode = "free", ...rest] = line.split(/\s+/);
      const transfer = MODES.find((m) => m === mode);
      if (rest.length > 0 || !name || !quota || !/^\d+$/.test(quota) || !transfer) {
        problems.push(`Channels, line ${i + 1}: write "<name> <quota> [free|market-only|locked]"`);
        return;
      }
      // The fixed channels are known by name whatever the case; names of your own stay as typed.
      const fixed = (fixedChannelNames as readonly string[]).includes(name.toLowerCase());
      channels.push({ channel: fixed ? name.toLowerCase() : name, quota, transfer });
    });
  const hours = f.bindHours.trim();
  const identityDeadlines: Record<number, string> = {};
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
      else identityDeadlines[Number(t)] = `${hours}h`;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: { channels, identityDeadlines } };
}
