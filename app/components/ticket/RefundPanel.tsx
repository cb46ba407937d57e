"use client";

import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { TicketView } from "../../chain-reads/read-ticket";
import { formatPrice } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";

/** After a cancellation: claim the face value back, or say why this ticket has none. */
export function RefundPanel({ ticket, onDone }: { ticket: TicketView; onDone: () => void }) {
  const config = useConfig();
  const tx = useContractTx();
  if (!ticket.event.cancelled) return null;
  return (
    <section className="panel stack" data-testid="refund">
      <h2>Refund</h2>
      {ticket.refunded ? (
        <p data-testid="refund-done">This ticket&apos;s face value was refunded.</p>
      ) : !ticket.paid ? (
        <p className="notice" data-testid="refund-none">
          This ticket was complimentary (not bought), so there is no payment to refund.
        </p>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="refund-submit"
          disabled={tx.busy}
          onClick={() =>
            void tx
              .send(`Refunding ${formatPrice(ticket.tier.faceValue, ticket.event.currency)}`, () =>
                simulateContract(config, { address: ticket.contract, abi: eventTicketAbi, functionName: "refund", args: [[ticket.tokenId]] }),
              )
              .then((r) => r && onDone())
          }
        >
          Refund {formatPrice(ticket.tier.faceValue, ticket.event.currency)}
        </button>
      )}
      <TxStatus state={tx.state} testId="refund-status" />
    </section>
  );
}
