/**
 * One scan at a time. A verdict holds the camera for `holdMs` (it is still looking at the code just
 * checked, so its reads are dropped meanwhile); a steward's tap is never dropped: during a hold it
 * is checked at once, during a scan it is queued (the latest wins) and checked as soon as that scan
 * ends. Plain functions, no React (useVerdictHold), no timers.
 */
export type VerdictHold = {
  submit(text: string, source: "camera" | "tap"): void;
  dispose(): void;
};

export function createVerdictHold(o: {
  holdMs: number;
  check: (text: string) => Promise<void>;
  onBusy: (busy: boolean) => void;
  onQueued: (queued: boolean) => void;
  now?: () => number;
}): VerdictHold {
  const now = o.now ?? (() => Date.now());
  let busy = false;
  let holdUntil = 0;
  let pending: string | null = null;
  let disposed = false;

  async function run(text: string) {
    busy = true;
    o.onBusy(true);
    try {
      await o.check(text);
    } finally {
      holdUntil = now() + o.holdMs;
      busy = false;
      o.onBusy(false);
      const next = pending;
      pending = null;
      if (next !== null && !disposed) {
        o.onQueued(false);
        void run(next);
      }
    }
  }

  return {
    submit(text, source) {
      if (busy) {
        if (source !== "tap") return;
        pending = text;
        o.onQueued(true);
        return;
      }
      if (source === "camera" && now() < holdUntil) return;
      void run(text);
    },
    dispose() {
      disposed = true;
      pending = null;
    },
  };
}
