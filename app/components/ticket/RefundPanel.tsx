"use client";

import type { Address } from "viem";
import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { TicketView } from "../../chain-reads/read-ticket";
import { formatPrice } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { shortAddress } from "../../format/short-address";
import { TxStatus } from "../TxStatus";

/**
 * After a cancellation: claim the face value back, or say why this wallet has none. The claim is the
 * ticket's `refundHolder`'s: its holder, or, for a ticket recovered out of a lost wallet, the wallet
 * it was recovered from (recovery moves the ticket, never the money).
 */
export function RefundPanel({
  ticket,
  viewer,
  onDone,
}: {
  ticket: TicketView;
  viewer: Address | undefined;
  onDone: () => void;
}) {
  const config = useConfig();
  const tx = useContractTx();
  if (!ticket.event.cancelled) return null;
  const claimant = viewer !== undefined && ticket.refundHolder.toLowerCase() === viewer.toLowerCase();
  return (
    <section className="panel stack" data-testid="refund">
      <h2>Refund</h2>
      {ticket.refunded ? (
        <p data-testid="refund-done">This ticket&apos;s face value was refunded.</p>
      ) : !ticket.paid ? (
        <p className="notice" data-testid="refund-none">
          This ticket was complimentary (not bought), so there is no payment to refund.
        </p>
      ) : !claimant ? (
        <p className="notice" data-testid="refund-elsewhere">
          This ticket was recovered from another wallet, and its refund stays with the wallet that paid for it (
          {shortAddress(ticket.refundHolder)}): recovery moves a ticket, never its money.
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
                simulateContract(config, {
                  address: ticket.contract,
                  abi: eventTicketAbi,
                  functionName: "refund",
                  args: [[ticket.tokenId]],
                }),
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
