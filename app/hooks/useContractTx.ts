"use client";

import { useCallback, useRef, useState } from "react";
import type { Hash, TransactionReceipt } from "viem";
import { useQueryClient } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { describeTxError, type TxErrorDescription } from "../tx/describe-tx-error";

/** Where one transaction stands; `label` says what it does, in words. */
export type TxState = { attempt: number } & (
  | { status: "idle" }
  | { status: "checking"; label: string }
  | { status: "wallet"; label: string }
  | { status: "pending"; label: string; hash: Hash }
  | { status: "confirmed"; label: string; hash: Hash; receipt: TransactionReceipt }
  | { status: "failed"; label: string; error: TxErrorDescription; hash?: Hash }
);

/** A simulation from `simulateContract(config, …)`: its `request` is what the wallet signs. */
type Simulation = { request: unknown };

/**
 * One contract write with visible states: checking (simulation, so a refusal is decoded before
 * the wallet opens), waiting for the wallet, pending on chain, confirmed or failed with the
 * custom error in words. The caller simulates with full ABI typing; this hook signs and waits.
 *
 * @example
 * const tx = useContractTx();
 * await tx.send("Buying 2 tickets", () => simulateContract(config, { address, abi: eventTicketAbi, functionName: "buy", args: [0, 2n], value }));
 */
export function useContractTx() {
  const config = useConfig();
  const queryClient = useQueryClient();
  // Counts sends and refusals, so a screen (or a test) can tell a new outcome from the last one.
  const attempts = useRef(0);
  const [state, setRendered] = useState<TxState>({ status: "idle", attempt: 0 });
  // The latest state, readable right after `send` resolves (the rendered one lags a render behind).
  const latest = useRef<TxState>(state);
  const setState = useCallback((next: TxState) => {
    latest.current = next;
    setRendered(next);
  }, []);

  const send = useCallback(
    async (label: string, simulate: () => Promise<Simulation>): Promise<TransactionReceipt | null> => {
      let hash: Hash | undefined;
      const attempt = ++attempts.current;
      try {
        setState({ status: "checking", label, attempt });
        const { request } = await simulate();
        setState({ status: "wallet", label, attempt });
        hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
        setState({ status: "pending", label, hash, attempt });
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== "success") {
          // Someone got there first in the same block (a seat, the last ticket): checking again against
          // the state that beat us usually names why, in words, instead of a bare "reverted".
          const why = await simulate().then(
            () => null,
            (e: unknown) => describeTxError(e),
          );
          setState({
            status: "failed",
            label,
            hash,
            attempt,
            error: why ?? { code: "REVERTED", message: "The transaction was reverted on chain." },
          });
          return null;
        }
        setState({ status: "confirmed", label, hash, receipt, attempt });
        // Chain-backed views reflect our own transaction now, without waiting for the indexer's change event.
        void queryClient.invalidateQueries({ queryKey: ["chain"] });
        return receipt;
      } catch (error) {
        setState({ status: "failed", label, hash, attempt, error: describeTxError(error) });
        return null;
      }
    },
    [config, queryClient, setState],
  );

  /** Marks a refusal found before any transaction (e.g. a price above the cap) as a failure. */
  const refuse = useCallback(
    (label: string, error: TxErrorDescription) =>
      setState({ status: "failed", label, error, attempt: ++attempts.current }),
    [setState],
  );
  const reset = useCallback(() => setState({ status: "idle", attempt: attempts.current }), [setState]);
  const current = useCallback(() => latest.current, []);
  const busy = state.status === "checking" || state.status === "wallet" || state.status === "pending";
  return { state, send, refuse, reset, current, busy };
}
