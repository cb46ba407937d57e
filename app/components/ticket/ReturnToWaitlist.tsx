"use client";

import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { TicketView } from "../../chain-reads/read-ticket";
import { formatPrice } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { useWaitlist } from "../../hooks/useWaitlist";
import { returnBlocker, returnPayout } from "../../waitlist/waitlist-blockers";
import { eventTicketAbi, waitlistAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";
import type { Handover } from "./TicketDetail";

/**
 * Hand the ticket back to its tier's waitlist: the first wallet in line gets it and the holder is paid
 * min(face value, resale cap) from that wallet's deposit (the rest of the deposit goes back to it: a
 * return never pays more than a resale could). The market moves the ticket, so it must be approved first.
 */
export function ReturnToWaitlist({ ticket, onDone }: { ticket: TicketView; onDone: (h: Handover) => void }) {
  const config = useConfig();
  const tx = useContractTx();
  const view = useWaitlist({
    contract: ticket.contract,
    market: ticket.event.market,
    tierId: ticket.tier.id,
    wallet: undefined,
    // The ticket read already found the waitlist and currency: the queue length is one more call.
    known: { waitlist: ticket.waitlist, currency: ticket.event.currency.address },
  });
  // Only worth showing when someone is waiting for this tier.
  if (!view.data || view.data.waitlist === null || view.data.length === 0 || ticket.tier.mode === 2) return null;
  const w = view.data;
  const blocker = returnBlocker(ticket, w, BigInt(Math.floor(Date.now() / 1000)));
  const payout = returnPayout(ticket);
  const amount = formatPrice(payout, ticket.event.currency);

  const submit = async () => {
    if (!ticket.marketApproved) {
      const approved = await tx.send("Allowing the official market to hand this ticket to the waitlist", () =>
        simulateContract(config, {
          address: ticket.contract,
          abi: eventTicketAbi,
          functionName: "approve",
          args: [ticket.event.market, ticket.tokenId],
        }),
      );
      if (!approved) return;
    }
    const returned = await tx.send(`Returning ticket #${ticket.tokenId} for ${amount}`, () =>
      simulateContract(config, {
        address: w.waitlist!,
        abi: waitlistAbi,
        functionName: "returnTicket",
        args: [ticket.contract, ticket.tokenId],
      }),
    );
    if (returned) {
      void view.refetch();
      onDone({ testId: "return-status", state: tx.current() });
    }
  };

  return (
    <section className="panel stack" data-testid="return-to-waitlist" data-length={w.length}>
      <h2>Return to the waitlist</h2>
      <p className="small">
        {w.length} waiting for tier {ticket.tier.id}. Returning gives this ticket to the first in line and pays you{" "}
        {payout < ticket.tier.faceValue
          ? `its resale cap, ${amount} (the rest of their deposit goes back to them)`
          : `its face value, ${amount}`}
        .
      </p>
      {blocker ? (
        <p className="notice" data-testid="return-blocked">
          {blocker}
        </p>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="return-submit"
          disabled={tx.busy}
          onClick={() => void submit()}
        >
          Return for {amount}
        </button>
      )}
      <TxStatus state={tx.state} testId="return-status" />
    </section>
  );
}
