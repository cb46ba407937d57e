"use client";

import Link from "next/link";
import { useState } from "react";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import type { TicketView } from "../../chain-reads/read-ticket";
import { transferModeName, TRANSFER_MODE_WORDS, zoneNames } from "../../format/ticket-words";
import { formatPrice } from "../../../lib/currency/currency";
import { useIndexedTicket, useTicket } from "../../hooks/useTicket";
import { clockTime, ticketStatus, type TicketStatus } from "../../../lib/ticket-status/ticket-status";
import { useSeat } from "../../hooks/useSeat";
import { seatLabel } from "../../../lib/seating/venue-layout";
import { ticketLabel, tierName } from "../../../lib/event-content/display";
import { useEventContent } from "../../hooks/useEventContent";
import { EventFace } from "../events/EventFace";
import { shortAddress } from "../../format/short-address";
import { ErrorState, Loading } from "../QueryStates";
import { ProvenanceTimeline } from "./ProvenanceTimeline";
import { identityWords } from "../../tickets/identity-words";
import { IdentityPanel } from "./IdentityPanel";
import { BindIdentity } from "./BindIdentity";
import { channelLabel } from "../../../lib/channels";
import { RefundPanel } from "./RefundPanel";
import { ResellForm } from "./ResellForm";
import { ReturnToWaitlist } from "./ReturnToWaitlist";
import { TransferForm } from "./TransferForm";
import { TxStatus } from "../TxStatus";
import { AddToCalendar } from "./AddToCalendar";
import { ChainReadsSettled } from "../ChainReadsSettled";
import type { TxState } from "../../hooks/useContractTx";

/** The confirmed transaction that took the ticket out of this wallet, shown once its forms are gone. */
export type Handover = { testId: string; state: TxState };

/** The one ticket status (lib/ticket-status) from the chain's facts and the gate's admission; a valid ticket on the market says its price. */
function statusOf(
  t: TicketView,
  admission: { checkedInAt: string | null; checkedInOnChain: boolean } | undefined,
): TicketStatus {
  const status = ticketStatus({
    refunded: t.refunded,
    eventCancelled: t.event.cancelled,
    checkedInOnChain: t.checkedIn || admission?.checkedInOnChain === true,
    admittedAt: admission?.checkedInAt ?? null,
  });
  if (status.code === "valid" && t.listing)
    return { ...status, text: `For resale at ${formatPrice(t.listing.price, t.event.currency)}` };
  return status;
}

/** A ticket's facts, its history and, for its holder, resell / send / refund. */
export function TicketDetail({ contract, tokenId }: { contract: Address; tokenId: bigint }) {
  const ticket = useTicket(contract, tokenId);
  const indexed = useIndexedTicket(contract, tokenId);
  const { address } = useConnection();
  const seat = useSeat(contract, tokenId);
  const content = useEventContent(contract);
  const [handover, setHandover] = useState<Handover | null>(null);
  if (ticket.isPending) return <Loading testId="ticket-loading">Loading the ticket…</Loading>;
  if (ticket.isError)
    return <ErrorState error={ticket.error} retry={() => void ticket.refetch()} testId="ticket-error" />;
  const t = ticket.data;
  const status = statusOf(t, indexed.data);
  const code = status.code === "valid" && t.listing ? "listed" : status.code;
  const mine = address !== undefined && address.toLowerCase() === t.owner.toLowerCase();
  const refresh = () => void ticket.refetch();
  // A send or a return moves the ticket away, which unmounts the form and its status with it.
  const handedOver = (h: Handover) => {
    setHandover(h);
    refresh();
  };
  const mode = transferModeName(t.tier.mode);
  const identity = identityWords({
    identityCommitment: t.identityCommitment,
    voucherOnly: t.tier.voucherOnly,
    transferable: mode !== "Locked",
  });
  return (
    <div className="stack" data-testid="ticket-detail" data-status={code}>
      <section className="panel stack">
        <h2>
          <Link href={`/events/${t.contract}`}>{t.event.name}</Link> ·{" "}
          <span data-testid="ticket-label">{ticketLabel(t.tokenId, seat)}</span>
        </h2>
        <EventFace contract={t.contract} startTime={t.event.startTime} compact />
        <dl className="kv">
          <dt>Status</dt>
          <dd data-testid="ticket-status-text" data-status={status.code}>
            {status.text}
            {status.usedAt && <span className="muted"> at {clockTime(status.usedAt)}</span>}
          </dd>
          {seat && (
            <>
              <dt>Seat</dt>
              <dd data-testid="ticket-seat">{seatLabel(seat)}</dd>
            </>
          )}
          <dt>Tier</dt>
          <dd data-testid="ticket-tier">
            {tierName(content.data?.content, t.tier.id)} · face {formatPrice(t.tier.faceValue, t.event.currency)}
          </dd>
          <dt>Channel</dt>
          <dd data-testid="ticket-channel" data-channel={t.channel}>
            {channelLabel(t.channel)}
            {t.channelMode !== "Free"
              ? ` (${t.channelMode === "Locked" ? "locked to its holder" : "official market only"})`
              : ""}
          </dd>
          <dt>Zones</dt>
          <dd data-testid="ticket-zones">{zoneNames(t.tier.zones).join(", ") || "none"}</dd>
          <dt>Moves</dt>
          <dd>{TRANSFER_MODE_WORDS[mode]}</dd>
          <dt>Holder</dt>
          <dd title={t.owner}>{mine ? "You" : shortAddress(t.owner)}</dd>
          <dt>Identity</dt>
          <dd data-testid="ticket-identity" data-identity={identity.state}>
            {identity.summary}
          </dd>
        </dl>
        <div className="row">
          {mine && !status.used && !t.event.cancelled && (
            <Link className="button" href={`/tickets/${t.contract}/${t.tokenId}/pass`} data-testid="show-pass">
              Show pass
            </Link>
          )}
          {!t.event.cancelled && (
            <AddToCalendar
              contract={t.contract}
              tokenId={t.tokenId}
              title={`${t.event.name} · Tier ${t.tier.id}`}
              start={t.event.startTime}
              end={t.event.endTime}
              details={`Ticket #${t.tokenId}, Tier ${t.tier.id}${seat ? `, ${seatLabel(seat)}` : ""}.`}
            />
          )}
        </div>
      </section>
      <BindIdentity ticket={t} mine={mine} onDone={refresh} />
      {identity.state !== "not-required" && <IdentityPanel words={identity} mine={mine} />}
      {mine && status.used && (
        // Admitted at the gate: the chain may not know yet (the batcher writes it within seconds), so the page
        // offers no resale, send or return that the door would then refuse to the next holder.
        <section className="panel stack" data-testid="ticket-used" data-status={status.code}>
          <h2>Used</h2>
          <p className="notice">{status.lockedReason}</p>
        </section>
      )}
      {mine && (
        <>
          {!status.used && <ResellForm ticket={t} onDone={refresh} />}
          {!status.used && <ReturnToWaitlist ticket={t} onDone={handedOver} />}
          {!status.used && <TransferForm ticket={t} owner={address!} onDone={handedOver} />}
          <RefundPanel ticket={t} viewer={address} onDone={refresh} />
        </>
      )}
      {/* A ticket recovered out of this wallet after it paid: the refund is still this wallet's. */}
      {!mine && address !== undefined && t.refundHolder.toLowerCase() === address.toLowerCase() && (
        <RefundPanel ticket={t} viewer={address} onDone={refresh} />
      )}
      {!mine && handover && (
        <section className="panel stack" data-testid="ticket-handed-over">
          <p>This ticket has left your wallet.</p>
          <TxStatus state={handover.state} testId={handover.testId} />
        </section>
      )}
      <ProvenanceTimeline contract={t.contract} tokenId={t.tokenId} currency={t.event.currency} />
      <ChainReadsSettled />
    </div>
  );
}
