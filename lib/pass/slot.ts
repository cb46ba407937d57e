/**
 * Pass time slots: the QR changes every slot, and the gate accepts only the current slot
 * (± a small clock skew), so a screenshot dies within about one slot.
 */

/** Default slot length. The gate's `PASS_SLOT_SECONDS` must match what the app uses. */
export const PASS_SLOT_SECONDS = 10;

/**
 * The slot number of a moment (unix milliseconds): floor(seconds / slotSeconds).
 *
 * @example
 * const slot = slotAt(Date.now()); // changes every 10 s
 */
export function slotAt(unixMs: number, slotSeconds = PASS_SLOT_SECONDS): number {
  return Math.floor(unixMs / 1000 / slotSeconds);
}

/** Milliseconds until the next slot starts: when the app should redraw the QR. */
export function msUntilNextSlot(unixMs: number, slotSeconds = PASS_SLOT_SECONDS): number {
  const period = slotSeconds * 1000;
  return period - (unixMs % period);
}

/**
 * Where a pass's slot lies against the gate's clock: "ok" when within `skewSlots` either side
 * (the phone's and the gate's clocks may differ), else "old" (a replayed screenshot) or "future".
 */
export function classifySlot(
  passSlot: number,
  nowMs: number,
  slotSeconds = PASS_SLOT_SECONDS,
  skewSlots = 1,
): "ok" | "old" | "future" {
  const current = slotAt(nowMs, slotSeconds);
  if (passSlot < current - skewSlots) return "old";
  if (passSlot > current + skewSlots) return "future";
  return "ok";
}
