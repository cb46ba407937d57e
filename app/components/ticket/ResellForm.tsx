"use client";

import { useState } from "react";
import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { TicketView } from "../../chain-reads/read-ticket";
import { formatPrice } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { checkResalePrice } from "../../tickets/check-resale-price";
import { resaleProceeds } from "../../tickets/resale-proceeds";
import { eventTicketAbi, resaleMarketAbi } from "../../../lib/generated/abis";
import { saleBlockWords } from "../../../lib/sale-terms";
import { TxStatus } from "../TxStatus";

/**
 * Why this ticket cannot be listed right now, or null when it can (a ticket without a refund right,
 * `freeHandOver`, can: at price 0 only). The specific reasons the page can name first, then the rest
 * of the ticket's sale rule (`saleTerms`) in the words the app and the CLI share.
 */
export function resaleBlocker(t: TicketView): string | null {
  if (t.event.cancelled) return "The event is cancelled, so resale is closed. Claim a refund instead.";
  if (t.checkedIn) return "This ticket was used at the gate; it can no longer be sold.";
  if (t.tier.mode === 2)
    return "This ticket is non-transferable (its tier is locked to the buyer), so it cannot be resold.";
  if (t.bound) return "This ticket is bound to your identity, so it cannot be resold.";
  if (t.channelMode === "Locked")
    return "This ticket was issued through a locked allocation channel (e.g. staff), so it cannot be resold.";
  // The rest of the rule (lock window, named ticket, real-name deadline), as the chain said it.
  if (t.saleBlock !== "None" && t.saleBlock !== "NotRefundable") return saleBlockWords(t.saleBlock, "market");
  if (t.maxResalePrice === 0n && !freeHandOver(t))
    return "This ticket's tier has a resale cap of 0: it cannot be resold for money.";
  return null;
}

/**
 * A complimentary or recovered ticket carries no refund right: the market takes it at price 0 only
 * (a free hand-over), in words that say which kind it is; null for a ticket that may be sold.
 */
export function freeHandOver(t: Pick<TicketView, "saleBlock" | "paid">): string | null {
  return t.saleBlock === "NotRefundable"
    ? saleBlockWords(t.saleBlock, "market", { notRefundable: t.paid ? "recovered" : "complimentary" })
    : null;
}

/** What the seller receives for `price`, the royalty named: "You receive 0.057 ETH after 0.003 ETH royalty (5% to the organizer)." */
function proceedsWords(ticket: TicketView, price: bigint): string {
  const { royalty, seller } = resaleProceeds(price, ticket.event.royaltyBps);
  const fmt = (amount: bigint) => formatPrice(amount, ticket.event.currency);
  return `You receive ${fmt(seller)} after ${fmt(royalty)} royalty (${ticket.event.royaltyBps / 100}% to the organizer).`;
}

/**
 * List on the official market: shows face value, cap and what the seller receives after the royalty;
 * refuses above the cap, and a 0 nobody chose, before the wallet opens. Giving a paid ticket away is a
 * separate, explicit choice.
 */
export function ResellForm({ ticket, onDone }: { ticket: TicketView; onDone: () => void }) {
  const config = useConfig();
  const tx = useContractTx();
  const [price, setPrice] = useState("");
  const [giveAway, setGiveAway] = useState(false);
  const blocker = resaleBlocker(ticket);
  const freeOnly = freeHandOver(ticket);
  const typed = checkResalePrice(price, ticket.maxResalePrice, ticket.event.currency, ticket.tier.faceValue);

  const submit = async () => {
    // A ticket without a refund right is offered for nothing: the market refuses any other price.
    const check: ReturnType<typeof checkResalePrice> = freeOnly || giveAway ? { ok: true, wei: 0n } : typed;
    if (!check.ok) {
      tx.refuse("Listing for resale", { code: check.code, message: check.message });
      return;
    }
    if (!ticket.marketApproved) {
      const approved = await tx.send("Allowing the official market to move this ticket when it sells", () =>
        simulateContract(config, {
          address: ticket.contract,
          abi: eventTicketAbi,
          functionName: "approve",
          args: [ticket.event.market, ticket.tokenId],
        }),
      );
      if (!approved) return;
    }
    const listed = await tx.send(
      `Listing ticket #${ticket.tokenId} for ${formatPrice(check.wei, ticket.event.currency)}`,
      () =>
        simulateContract(config, {
          address: ticket.event.market,
          abi: resaleMarketAbi,
          functionName: "list",
          args: [ticket.contract, ticket.tokenId, check.wei],
        }),
    );
    if (listed) onDone();
  };

  return (
    <section className="panel stack" data-testid="resell">
      <h2>Resell</h2>
      <dl className="kv">
        <dt>Face value</dt>
        <dd data-testid="face-value">{formatPrice(ticket.tier.faceValue, ticket.event.currency)}</dd>
        <dt>Resale cap</dt>
        <dd data-testid="resale-cap">
          {formatPrice(ticket.maxResalePrice, ticket.event.currency)} ({ticket.tier.resaleCapBps / 100}% of face)
        </dd>
        <dt>Royalty</dt>
        <dd>{ticket.event.royaltyBps / 100}% of the price goes to the organizer</dd>
      </dl>
      {ticket.listing ? (
        <CancelListing ticket={ticket} onDone={onDone} />
      ) : blocker ? (
        <p className="notice" data-testid="resell-blocked">
          {blocker}
        </p>
      ) : freeOnly ? (
        <div className="stack">
          <p className="notice" data-testid="resell-free-only">
            {freeOnly}
          </p>
          <button
            type="button"
            className="button secondary"
            data-testid="resell-free-submit"
            disabled={tx.busy}
            onClick={() => void submit()}
          >
            Offer it for free on the official market
          </button>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="row">
            <label className="field" style={{ flex: 1 }}>
              Price in {ticket.event.currency.symbol} (at most{" "}
              {formatPrice(ticket.maxResalePrice, ticket.event.currency)})
              <input
                inputMode="decimal"
                value={giveAway ? "0" : price}
                placeholder="0.05"
                disabled={giveAway}
                aria-describedby="resell-proceeds"
                data-testid="resell-price"
                onChange={(e) => setPrice(e.target.value)}
              />
            </label>
            <button type="submit" className="button" data-testid="resell-submit" disabled={tx.busy}>
              {giveAway ? "Give it away" : "List for resale"}
            </button>
          </div>
          <p id="resell-proceeds" className="small" data-testid="resell-proceeds" aria-live="polite">
            {giveAway
              ? "The buyer pays nothing and you receive nothing."
              : typed.ok
                ? proceedsWords(ticket, typed.wei)
                : price.trim() !== "" && typed.message}
          </p>
          {ticket.tier.faceValue > 0n && (
            <label className="row small">
              <input
                type="checkbox"
                checked={giveAway}
                data-testid="resell-give-away"
                onChange={(e) => setGiveAway(e.target.checked)}
              />
              Give it away for free (list it at 0 {ticket.event.currency.symbol})
            </label>
          )}
        </form>
      )}
      <TxStatus state={tx.state} testId="resell-status" />
    </section>
  );
}

function CancelListing({ ticket, onDone }: { ticket: TicketView; onDone: () => void }) {
  const config = useConfig();
  const tx = useContractTx();
  return (
    <div className="stack">
      <p data-testid="listed-price">
        Listed for {formatPrice(ticket.listing!.price, ticket.event.currency)}.{" "}
        {ticket.listing!.price > 0n && proceedsWords(ticket, ticket.listing!.price)}
      </p>
      <button
        type="button"
        className="button secondary"
        data-testid="cancel-listing"
        disabled={tx.busy}
        onClick={() =>
          void tx
            .send("Taking the ticket off the market", () =>
              simulateContract(config, {
                address: ticket.event.market,
                abi: resaleMarketAbi,
                functionName: "cancel",
                args: [ticket.contract, ticket.tokenId],
              }),
            )
            .then((r) => r && onDone())
        }
      >
        Cancel listing
      </button>
      <TxStatus state={tx.state} testId="cancel-listing-status" />
    </div>
  );
}
