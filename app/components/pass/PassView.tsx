"use client";

import Link from "next/link";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { usePassDevice } from "../../hooks/usePassDevice";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { useIsMounted } from "../../hooks/useIsMounted";
import { useSeat } from "../../hooks/useSeat";
import { seatLabel } from "../../../lib/seating/venue-layout";
import { WalletPanel } from "../WalletPanel";
import { RotatingQr } from "./RotatingQr";

/** Full-screen pass: set the phone up once with a wallet signature, then a rotating QR. */
export function PassView({ contract, tokenId }: { contract: Address; tokenId: bigint }) {
  const mounted = useIsMounted();
  const { chainId } = useRuntimeConfig();
  const { address, status } = useConnection();
  const { state, delegate } = usePassDevice(contract);
  const back = `/tickets/${contract}/${tokenId}`;
  const seat = useSeat(contract, tokenId);

  let body;
  if (!mounted || state.status === "loading") body = <p aria-busy="true">Preparing your pass…</p>;
  else if (state.status === "error")
    body = (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  else if (state.status === "needs-delegation") {
    body = (
      <div className="stack pass-setup" data-testid="pass-setup">
        <p>
          Set this phone up to show your passes for this event. Your wallet signs once; the pass then works after
          reloads until the set-up expires.
        </p>
        {status !== "connected" ? (
          <WalletPanel />
        ) : (
          <button
            type="button"
            className="button"
            data-testid="pass-delegate"
            disabled={state.delegating}
            onClick={() => void delegate(address!)}
          >
            {state.delegating ? "Confirm in your wallet…" : "Set up this phone"}
          </button>
        )}
        {state.error && (
          <p className="error" role="alert" data-testid="pass-error">
            {state.error}
          </p>
        )}
      </div>
    );
  } else {
    body = (
      <div className="stack" data-testid="pass-ready" data-expires={state.delegation.expiresAt}>
        <RotatingQr
          privateKey={state.keys.privateKey}
          keyId={state.keyId}
          chainId={chainId}
          contract={contract}
          tokenId={tokenId}
        />
        <p className="small pass-hint">
          Turn your screen brightness up. Valid on this phone until{" "}
          {new Date(state.delegation.expiresAt).toLocaleString()}.
        </p>
      </div>
    );
  }

  return (
    <main className="pass-page" data-testid="pass-page">
      <div className="pass-title">
        <strong>Ticket #{tokenId.toString()}</strong>
        <Link href={back}>Close</Link>
      </div>
      {seat && (
        <p className="pass-seat" data-testid="pass-seat">
          {seatLabel(seat)}
        </p>
      )}
      {body}
    </main>
  );
}
