import Link from "next/link";
import type { TxState } from "../hooks/useContractTx";

const TEXT: Record<Exclude<TxState["status"], "idle">, string> = {
  checking: "Checking…",
  wallet: "Confirm in your wallet…",
  pending: "Pending: waiting for the chain…",
  confirmed: "Confirmed",
  failed: "Failed",
};

/**
 * One line per transaction: pending / confirmed / failed with the decoded reason in words. A purchase
 * (`receipt`) links its confirmation to the order's receipt page, /orders/<txHash>.
 */
export function TxStatus({
  state,
  testId = "tx-status",
  receipt = false,
}: {
  state: TxState;
  testId?: string;
  receipt?: boolean;
}) {
  if (state.status === "idle") return null;
  const hash = "hash" in state && state.hash ? state.hash : undefined;
  return (
    <div
      className={`tx-status ${state.status}`}
      data-testid={testId}
      data-status={state.status}
      data-attempt={state.attempt}
      data-error-code={state.status === "failed" ? state.error.code : undefined}
      role={state.status === "failed" ? "alert" : "status"}
      aria-live="polite"
    >
      <strong>{TEXT[state.status]}</strong> <span>{state.label}</span>
      {state.status === "failed" && <p className="tx-error">{state.error.message}</p>}
      {receipt && state.status === "confirmed" && (
        <p>
          <Link href={`/orders/${state.hash}`} data-testid={`${testId}-receipt`}>
            View your receipt
          </Link>
        </p>
      )}
      {hash && (
        <div className="muted small mono" title={hash}>
          tx {hash.slice(0, 10)}…{hash.slice(-6)}
        </div>
      )}
    </div>
  );
}
