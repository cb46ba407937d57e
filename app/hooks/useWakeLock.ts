"use client";

import { useEffect, useState } from "react";

/**
 * Keeps the screen on while `active` (the pass is shown): a door queue is long and a dimmed phone
 * hides the code. Browsers drop the lock when the page is hidden, so it is taken again when the page
 * is visible once more. Where the Screen Wake Lock API is missing or refused, nothing happens.
 * Returns whether a lock is held, for the page (and its tests) to show.
 */
export function useWakeLock(active: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!active || typeof navigator === "undefined" || !("wakeLock" in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let live = true;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const next = await navigator.wakeLock.request("screen");
        if (!live) {
          await next.release();
          return;
        }
        sentinel = next;
        setHeld(true);
        next.addEventListener("release", () => live && setHeld(false));
      } catch {
        // Refused (battery saver, not allowed here): the pass still works, the screen may dim.
        setHeld(false);
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      live = false;
      document.removeEventListener("visibilitychange", onVisibility);
      void sentinel?.release().catch(() => undefined);
    };
  }, [active]);
  return held;
}
