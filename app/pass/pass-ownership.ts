import type { HistoryEntry } from "../queries/ticket-history";
import { shortAddress } from "../format/short-address";

export type PassOwnership =
  | { state: "yours" }
  /** Nobody on this phone is known to hold it yet (no wallet connected, no set-up): ask to set up. */
  | { state: "unknown" }
  | { state: "gone"; words: string };

const HOW: Partial<Record<HistoryEntry["kind"], string>> = {
  sold: "It was sold on the official market",
  transferred: "It was sent",
  returned: "It was returned to the waitlist",
  recovered: "The organizer recovered it",
};

/**
 * Whether the pass page's viewer (the wallet this phone was set up for, else the connected one) still
 * holds the ticket; when not, where it went in words, from the indexer's owner and its last move.
 *
 * @example
 * passOwnership({ owner: "0xB…", viewer: "0xA…", history }) // { state: "gone", words: "This ticket is no longer yours. It was sent to 0xB0b0…0b0b." }
 */
export function passOwnership(f: {
  owner: string;
  viewer: string | undefined;
  history?: readonly HistoryEntry[] | undefined;
}): PassOwnership {
  if (f.viewer === undefined) return { state: "unknown" };
  if (f.viewer.toLowerCase() === f.owner.toLowerCase()) return { state: "yours" };
  const last = [...(f.history ?? [])]
    .reverse()
    .find((e) => e.to !== undefined && e.to.toLowerCase() === f.owner.toLowerCase() && HOW[e.kind]);
  const how = last ? HOW[last.kind] : "It is now held by another wallet";
  const to = last ? " to" : ":";
  return { state: "gone", words: `This ticket is no longer yours. ${how}${to} ${shortAddress(f.owner)}.` };
}
