"use client";

import { useState } from "react";
import { isAddress, type Address } from "viem";
import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { TicketView } from "../../chain-reads/read-ticket";
import { useContractTx } from "../../hooks/useContractTx";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";
import type { Handover } from "./TicketDetail";

/** Why this ticket cannot be sent to another wallet now, or null when it can. */
export function transferBlocker(t: TicketView, nowSeconds: number): string | null {
  if (t.checkedIn) return "This ticket was used at the gate; it can no longer move.";
  if (t.bound)
    return "This ticket is bound to your identity: only the organizer can move it (e.g. after a lost wallet).";
  if (t.channelMode === "Locked")
    return "This ticket was issued through a locked allocation channel (e.g. staff): only the organizer can move it.";
  if (t.channelMode === "MarketOnly" && t.tier.mode === 0)
    return "This ticket's allocation channel allows moves only through the official resale market, within the price cap. Use Resell instead.";
  if (t.tier.mode === 2)
    return "This ticket is non-transferable: its tier is locked to the buyer's wallet (only the organizer can move it, e.g. after a lost wallet).";
  if (t.tier.mode === 1)
    return "This tier can change hands only through the official resale market, within the price cap. Use Resell instead.";
  const now = BigInt(nowSeconds);
  if (now + BigInt(t.event.lockWindow) >= t.event.startTime && now < t.event.endTime) {
    return "Transfers are closed this close to the event.";
  }
  return null;
}

/** Send the ticket to another wallet, where its tier allows it. */
export function TransferForm({
  ticket,
  owner,
  onDone,
}: {
  ticket: TicketView;
  owner: Address;
  onDone: (h: Handover) => void;
}) {
  const config = useConfig();
  const tx = useContractTx();
  const [to, setTo] = useState("");
  const blocker = transferBlocker(ticket, Math.floor(Date.now() / 1000));

  const submit = async () => {
    const target = to.trim();
    if (!isAddress(target)) {
      tx.refuse("Sending the ticket", {
        code: "INVALID_ADDRESS",
        message: "That is not a wallet address (0x followed by 40 hex characters).",
      });
      return;
    }
    if (target.toLowerCase() === owner.toLowerCase()) {
      tx.refuse("Sending the ticket", { code: "SAME_WALLET", message: "That is your own wallet." });
      return;
    }
    const receipt = await tx.send(`Sending ticket #${ticket.tokenId}`, () =>
      simulateContract(config, {
        address: ticket.contract,
        abi: eventTicketAbi,
        functionName: "safeTransferFrom",
        args: [owner, target, ticket.tokenId],
      }),
    );
    if (receipt) onDone({ testId: "transfer-status", state: tx.current() });
  };

  return (
    <section className="panel stack" data-testid="transfer">
      <h2>Send to a friend</h2>
      {blocker ? (
        <p className="notice" data-testid="transfer-blocked">
          {blocker}
        </p>
      ) : (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="field" style={{ flex: 1 }}>
            Their wallet address
            <input value={to} placeholder="0x…" data-testid="transfer-to" onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="button" data-testid="transfer-submit" disabled={tx.busy}>
            Send
          </button>
        </form>
      )}
      <TxStatus state={tx.state} testId="transfer-status" />
    </section>
  );
}
