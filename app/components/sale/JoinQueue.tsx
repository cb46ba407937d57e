"use client";

import { useEffect, useRef, useState } from "react";
import { getPowChallenge, joinQueue } from "../../../lib/onsale/client";
import { solvePowAsync } from "../../../lib/onsale/pow";
import type { OnsaleJoinResult, OnsaleSale } from "../../../lib/onsale/types";
import { describeOnsaleError } from "../../sale/describe-onsale-error";
import type { TxErrorDescription } from "../../tx/describe-tx-error";

type Phase =
  | { step: "idle" }
  | { step: "puzzle"; tries: number; expected: number }
  | { step: "joining" }
  | { step: "failed"; error: TxErrorDescription };

/**
 * The "Join the queue" button. When the sale asks for proof of work, the browser solves it first
 * in small slices between frames (lib/onsale/pow.ts `solvePowAsync`), so the page stays usable
 * and shows progress; a bot farm pays that cost once per place it wants.
 */
export function JoinQueue({
  sale,
  indexerUrl,
  onJoined,
}: {
  sale: OnsaleSale;
  indexerUrl: string;
  onJoined: (result: OnsaleJoinResult) => void;
}) {
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);

  const join = async () => {
    cancel.current?.abort();
    const controller = (cancel.current = new AbortController());
    try {
      let pow: { challenge: string; nonce: string } | undefined;
      if (sale.powBits > 0) {
        const expected = 2 ** sale.powBits;
        setPhase({ step: "puzzle", tries: 0, expected });
        const { challenge, bits } = await getPowChallenge(indexerUrl, sale.id);
        const nonce = await solvePowAsync(challenge, bits, {
          signal: controller.signal,
          onProgress: (tries) => setPhase({ step: "puzzle", tries, expected }),
        });
        pow = { challenge, nonce };
      }
      setPhase({ step: "joining" });
      const result = await joinQueue(indexerUrl, sale.id, pow);
      if (!controller.signal.aborted) onJoined(result);
    } catch (error) {
      if (!controller.signal.aborted) setPhase({ step: "failed", error: describeOnsaleError(error) });
    }
  };

  const busy = phase.step === "puzzle" || phase.step === "joining";
  return (
    <div className="stack" data-testid="join-queue" data-phase={phase.step}>
      <button type="button" className="button" data-testid="join-submit" disabled={busy} onClick={() => void join()}>
        {phase.step === "joining" ? "Joining…" : phase.step === "puzzle" ? "Checking your browser…" : "Join the queue"}
      </button>
      {phase.step === "puzzle" && (
        <div role="status" data-testid="pow-progress">
          <p className="muted small">
            This sale asks every browser to solve a small puzzle before joining, so bots cannot flood the queue. It
            takes a few seconds.
          </p>
          <progress className="progress" max={phase.expected} value={Math.min(phase.tries, phase.expected)} />
        </div>
      )}
      {phase.step === "failed" && (
        <p className="error" role="alert" data-testid="join-error" data-error-code={phase.error.code}>
          {phase.error.message}
        </p>
      )}
    </div>
  );
}
