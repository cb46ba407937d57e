"use client";

import { useState } from "react";
import type { Hex } from "viem";
import { useConfig } from "wagmi";
import { signMessage, simulateContract } from "wagmi/actions";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { buildBindingSignInMessage } from "../../../lib/identity/identity-binding";
import { requestBindingNonce, requestIdentityBinding } from "../../../lib/onsale/client";
import type { TicketView } from "../../chain-reads/read-ticket";
import { useContractTx } from "../../hooks/useContractTx";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { describeOnsaleError } from "../../sale/describe-onsale-error";
import { bindingStatus } from "../../tickets/binding-status";
import { TxStatus } from "../TxStatus";

/**
 * Real-name deadline for the holder: a banner (warning when the deadline is near, "not valid
 * without binding" after it) and, while binding is open, the form. The ID number goes only to the
 * identity service, which answers its HMAC commitment and an attestation; the wallet then sends
 * `bindIdentity`. The ID number is never stored in the browser.
 */
export function BindIdentity({ ticket, mine, onDone }: { ticket: TicketView; mine: boolean; onDone: () => void }) {
  const config = useConfig();
  const { indexerUrl } = useRuntimeConfig();
  const tx = useContractTx();
  const [idNumber, setIdNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const status = bindingStatus(ticket, Math.floor(Date.now() / 1000));
  if (status.state === "not-required") return null;
  const open = status.state === "open" || status.state === "due-soon";

  const bind = async () => {
    setError(null);
    let attestation;
    try {
      // The holder's wallet signs in for this ticket: the identity service answers no one else about it.
      const challenge = await requestBindingNonce(indexerUrl, {
        contract: ticket.contract,
        tokenId: ticket.tokenId.toString(),
        domain: window.location.host,
      });
      const message = buildBindingSignInMessage(challenge, ticket.owner);
      const signature = await signMessage(config, { message });
      attestation = await requestIdentityBinding(indexerUrl, { message, signature, idNumber });
    } catch (err) {
      setError(describeOnsaleError(err).message);
      return;
    }
    setIdNumber("");
    const receipt = await tx.send(`Binding ticket #${ticket.tokenId} to your identity`, () =>
      simulateContract(config, {
        address: ticket.contract,
        abi: eventTicketAbi,
        functionName: "bindIdentity",
        args: [ticket.tokenId, attestation.identityCommitment, attestation.signature as Hex],
      }),
    );
    if (receipt) onDone();
  };

  return (
    <section className="panel stack" data-testid="bind-identity" data-binding={status.state}>
      <h2>Real-name ticket</h2>
      <p
        className={status.state === "missed" || status.state === "due-soon" ? "notice" : "small"}
        data-testid="binding-banner"
      >
        {status.text}
      </p>
      {mine && open && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void bind();
          }}
        >
          <label>
            ID number{" "}
            <input
              value={idNumber}
              onChange={(e) => setIdNumber(e.target.value)}
              autoComplete="off"
              data-testid="bind-id-number"
            />
          </label>
          <button
            type="submit"
            className="button"
            disabled={idNumber.trim() === "" || tx.busy}
            data-testid="bind-submit"
          >
            Bind your identity
          </button>
        </form>
      )}
      {mine && open && (
        <p className="small">
          Only a fingerprint (HMAC) of your ID goes on chain. After binding, the ticket can no longer be sold or sent;
          the organizer can move it to a new wallet of yours if you lose this one.
        </p>
      )}
      {error && (
        <p className="error" data-testid="bind-error">
          {error}
        </p>
      )}
      <TxStatus state={tx.state} testId="bind-status" />
    </section>
  );
}
