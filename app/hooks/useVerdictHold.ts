"use client";

import { useEffect, useRef, useState } from "react";
import { createVerdictHold } from "../gate/verdict-hold";

/** The scanner's one-at-a-time, held verdicts with queued taps (app/gate/verdict-hold.ts) as React state. */
export function useVerdictHold(check: (text: string) => Promise<void>, holdMs: number) {
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const checkRef = useRef(check);
  checkRef.current = check;
  const [hold] = useState(() =>
    createVerdictHold({ holdMs, check: (text) => checkRef.current(text), onBusy: setBusy, onQueued: setQueued }),
  );
  useEffect(() => () => hold.dispose(), [hold]);
  return { submit: hold.submit, busy, queued };
}
