"use client";

import Link from "next/link";
import { useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView, TierView } from "../../chain-reads/read-event";
import { transferModeName, TRANSFER_MODE_WORDS, zoneNames } from "../../format/ticket-words";
import { useContractTx } from "../../hooks/useContractTx";
import { useWalletHoldings } from "../../hooks/useEvent";
import { parseQuantity, quantityLimit } from "../../format/quantity";
import { QuantityField } from "../QuantityField";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { formatPrice, isNative } from "../../../lib/currency/currency";
import { signPermit } from "../../tx/sign-permit";
import { TxStatus } from "../TxStatus";
import { TierName } from "./TicketWords";
import { WaitlistPanel } from "./WaitlistPanel";

/** One tier: price, zones, how it may move, what is left, and a buy button (primary sale at face value). */
export function TierCard({ event, tier, onBought }: { event: EventView; tier: TierView; onBought?: () => void }) {
  const config = useConfig();
  const { status, address: me } = useConnection();
  const tx = useContractTx();
  const [quantityText, setQuantityText] = useState("1");
  const holdings = useWalletHoldings(event.address, me);
  const left = tier.supply - tier.minted;
  const limit = quantityLimit({ left, maxPerWallet: event.maxPerWallet, ...holdings.data });
  const check = parseQuantity(quantityText, limit);
  const quantity = check.ok ? check.quantity : 0;
  const mode = transferModeName(tier.mode);
  const cap = (tier.faceValue * BigInt(tier.resaleCapBps)) / 10_000n;
  const canBuy = status === "connected" && !event.cancelled && !tier.voucherOnly && left > 0 && check.ok;

  const buy = async () => {
    if (!check.ok) return; // the button is disabled; the field says why
    const value = tier.faceValue * BigInt(quantity);
    const label = `Buying ${quantity} × tier ${tier.id}`;
    // A stablecoin event: one permit signature, then one transaction (no separate approve).
    const receipt = isNative(event.currency)
      ? await tx.send(label, () =>
          simulateContract(config, {
            address: event.address,
            abi: eventTicketAbi,
            functionName: "buy",
            args: [tier.id, BigInt(quantity)],
            value,
          }),
        )
      : await tx.send(`${label} (sign the ${event.currency.symbol} permit, then confirm)`, async () => {
          const p = await signPermit(config, {
            token: event.currency.address,
            owner: me!,
            spender: event.address,
            value,
          });
          return simulateContract(config, {
            address: event.address,
            abi: eventTicketAbi,
            functionName: "buyWithPermit",
            args: [tier.id, BigInt(quantity), p.deadline, p.v, p.r, p.s],
          });
        });
    if (receipt) {
      void holdings.refetch();
      onBought?.();
    }
  };

  return (
    <li className="tier-card stack" data-testid="tier-card" data-tier={tier.id}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <strong>
          <TierName contract={event.address} tier={tier.id} />
        </strong>
        <span data-testid="tier-price">
          {tier.faceValue === 0n ? "free" : formatPrice(tier.faceValue, event.currency)}
        </span>
      </div>
      <div className="small">
        Zones: {zoneNames(tier.zones).join(", ") || "none"} · {left} of {tier.supply} left
      </div>
      <div className="small muted">
        {TRANSFER_MODE_WORDS[mode]}
        {mode !== "Locked" && ` Resale cap ${formatPrice(cap, event.currency)} (${tier.resaleCapBps / 100}% of face).`}
      </div>
      {tier.reserved ? (
        <p className="small">
          Reserved seating: pick your seats on the{" "}
          <Link href={`/events/${event.address}/seats`} data-testid="tier-seat-map">
            seat map
          </Link>
          .
        </p>
      ) : tier.voucherOnly ? (
        <p className="small muted">Sold only with an organizer voucher (real-name tier).</p>
      ) : (
        <div className="row" style={{ alignItems: "flex-start" }}>
          <QuantityField
            label="Quantity"
            text={quantityText}
            limit={limit}
            onText={setQuantityText}
            testId="buy-quantity"
            disabled={left === 0}
          />
          <button
            type="button"
            className="button"
            data-testid="buy-tier"
            data-quantity={quantity}
            disabled={!canBuy || tx.busy}
            onClick={() => void buy()}
          >
            {left === 0
              ? "Sold out"
              : check.ok
                ? `Buy ${quantity} for ${formatPrice(tier.faceValue * BigInt(quantity), event.currency)}`
                : "Buy"}
          </button>
        </div>
      )}
      {status !== "connected" && !tier.voucherOnly && !tier.reserved && (
        <p className="small muted">Connect a wallet to buy.</p>
      )}
      <TxStatus state={tx.state} receipt />
      {left === 0 && <WaitlistPanel event={event} tier={tier} />}
    </li>
  );
}
