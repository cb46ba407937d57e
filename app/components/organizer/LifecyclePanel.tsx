"use client";

import { useConfig, useConnection } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView } from "../../chain-reads/read-event";
import { formatTime } from "../../format/ticket-words";
import { formatPrice } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";

/** Cancel the event (fans get refunds) or, once it has ended, withdraw the escrowed sales. */
export function LifecyclePanel({ event, onChange }: { event: EventView; onChange: () => void }) {
  const config = useConfig();
  const { address } = useConnection();
  const cancelTx = useContractTx();
  const withdrawTx = useContractTx();
  const now = BigInt(Math.floor(Date.now() / 1000));
  const over = now >= event.endTime;

  return (
    <section className="panel stack" data-testid="lifecycle">
      <h2>Money and cancellation</h2>
      <p>
        Escrow: <strong data-testid="escrow">{formatPrice(event.escrowBalance, event.currency)}</strong> from primary
        sales.
      </p>
      {event.cancelled ? (
        <p className="banner-cancelled" data-testid="cancelled-note">
          Cancelled. Fans who bought tickets can refund them; escrow stays with them.
        </p>
      ) : over ? (
        <p className="muted small">The event has ended; it can no longer be cancelled.</p>
      ) : (
        <button
          type="button"
          className="button secondary"
          data-testid="cancel-event"
          disabled={cancelTx.busy}
          onClick={() => {
            if (
              !window.confirm(
                `Cancel “${event.name}”? Sales stop and every buyer can claim a refund. This cannot be undone.`,
              )
            )
              return;
            void cancelTx
              .send("Cancelling the event", () =>
                simulateContract(config, { address: event.address, abi: eventTicketAbi, functionName: "cancelEvent" }),
              )
              .then((r) => r && onChange());
          }}
        >
          Cancel event
        </button>
      )}
      <TxStatus state={cancelTx.state} testId="cancel-event-status" />
      {!event.cancelled && (
        <>
          {!over && (
            <p className="muted small">Proceeds can be withdrawn after the event ends ({formatTime(event.endTime)}).</p>
          )}
          <button
            type="button"
            className="button"
            data-testid="withdraw"
            disabled={withdrawTx.busy || !address}
            onClick={() =>
              void withdrawTx
                .send(`Withdrawing ${formatPrice(event.escrowBalance, event.currency)}`, () =>
                  simulateContract(config, {
                    address: event.address,
                    abi: eventTicketAbi,
                    functionName: "withdrawProceeds",
                    args: [address!],
                  }),
                )
                .then((r) => r && onChange())
            }
          >
            Withdraw proceeds
          </button>
          <TxStatus state={withdrawTx.state} testId="withdraw-status" />
        </>
      )}
    </section>
  );
}
