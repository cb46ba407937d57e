"use client";

import Link from "next/link";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { ticketStatus } from "../../../lib/ticket-status/ticket-status";
import { usePassDevice } from "../../hooks/usePassDevice";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { useIsMounted } from "../../hooks/useIsMounted";
import { useIndexedTicket, useTicketHistory } from "../../hooks/useTicket";
import { useWakeLock } from "../../hooks/useWakeLock";
import { passOwnership } from "../../pass/pass-ownership";
import { TicketLabel } from "../events/TicketWords";
import { WalletPanel } from "../WalletPanel";
import { PassIdentity } from "./PassIdentity";
import { RotatingQr } from "./RotatingQr";

/**
 * Full-screen pass: what it is for (event, date, tier, seat, holder), then either the rotating QR (set the
 * phone up once with a wallet signature), or instead of it "used" after admission, "no longer yours" after
 * the ticket left, or why it is void. The indexer's view decides those; without it the QR still shows
 * (the gate judges every scan itself). The screen stays on while the QR is shown.
 */
export function PassView({ contract, tokenId }: { contract: Address; tokenId: bigint }) {
  const mounted = useIsMounted();
  const { chainId } = useRuntimeConfig();
  const { address, status } = useConnection();
  const { state, delegate } = usePassDevice(contract);
  const indexed = useIndexedTicket(contract, tokenId);
  const history = useTicketHistory(contract, tokenId);
  const back = `/tickets/${contract}/${tokenId}`;

  const ticket = indexed.data;
  const ticketState = ticket
    ? ticketStatus({
        refunded: ticket.refunded,
        eventCancelled: ticket.eventCancelled,
        checkedInOnChain: ticket.checkedInOnChain,
        admittedAt: ticket.checkedInAt,
      })
    : null;
  const viewer = state.status === "ready" ? state.delegation.holder : address;
  const ownership = ticket ? passOwnership({ owner: ticket.owner, viewer, history: history.data }) : null;
  const showQr =
    mounted &&
    state.status === "ready" &&
    ownership?.state !== "gone" &&
    !ticketState?.used &&
    !ticketState?.lockedReason;
  const wakeLock = useWakeLock(showQr);

  let body;
  if (!mounted || state.status === "loading") body = <p aria-busy="true">Preparing your pass…</p>;
  else if (state.status === "error")
    body = (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  else if (ownership?.state === "gone")
    body = (
      <div className="pass-stop" data-testid="pass-not-yours">
        <p className="pass-stop-word">Not yours</p>
        <p>{ownership.words}</p>
      </div>
    );
  else if (ticketState?.used)
    body = (
      <div className="pass-stop pass-used" data-testid="pass-used" data-status={ticketState.code}>
        <p className="pass-stop-word">Used</p>
        <p>{ticketState.lockedReason}</p>
      </div>
    );
  else if (ticketState?.lockedReason)
    body = (
      <div className="pass-stop" data-testid="pass-void" data-status={ticketState.code}>
        <p className="pass-stop-word">{ticketState.text}</p>
        <p>{ticketState.lockedReason}</p>
      </div>
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
      <div
        className="stack"
        data-testid="pass-ready"
        data-expires={state.delegation.expiresAt}
        data-wake-lock={wakeLock ? "held" : "none"}
      >
        <RotatingQr
          privateKey={state.keys.privateKey}
          keyId={state.keyId}
          chainId={chainId}
          contract={contract}
          tokenId={tokenId}
        />
        <p className="small pass-hint">
          Turn your screen brightness up{wakeLock ? "; the screen stays on while this pass is shown" : ""}. Valid on
          this phone until {new Date(state.delegation.expiresAt).toLocaleString()}.
        </p>
      </div>
    );
  }

  return (
    <main className="pass-page" data-testid="pass-page">
      <div className="pass-title">
        <strong>
          <TicketLabel contract={contract} tokenId={tokenId} />
        </strong>
        <Link href={back}>Close</Link>
      </div>
      {ticket && ticketState && <PassIdentity ticket={ticket} status={ticketState} />}
      {body}
    </main>
  );
}
