"use client";

import { useConfig, useConnection } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView, TierView } from "../../chain-reads/read-event";
import { formatPrice, isNative } from "../../../lib/currency/currency";
import { signPermit } from "../../tx/sign-permit";
import { useContractTx } from "../../hooks/useContractTx";
import { useWaitlist } from "../../hooks/useWaitlist";
import { hasWaitlist, joinBlocker } from "../../waitlist/waitlist-blockers";
import { waitlistAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";

const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000));

/**
 * A sold-out tier's waitlist: how many wait, the wallet's place, and join (deposit = face value) or
 * leave (deposit back). A wallet skipped at the head because it held the cap can withdraw its deposit.
 */
export function WaitlistPanel({ event, tier }: { event: EventView; tier: TierView }) {
  const config = useConfig();
  const { address: me, status } = useConnection();
  const view = useWaitlist({ contract: event.address, market: event.market, tierId: tier.id, wallet: me });
  const tx = useContractTx();
  if (!view.data || !hasWaitlist(tier, view.data)) return null;
  const w = view.data;
  const waitlist = w.waitlist!;
  const refresh = (r: unknown) => r && void view.refetch();
  const blocker = joinBlocker(event, tier, w, nowSeconds());
  const fmt = (amount: bigint) => formatPrice(amount, event.currency);

  const join = () =>
    tx
      .send(`Joining the waitlist for tier ${tier.id} with a ${fmt(tier.faceValue)} deposit`, () =>
        isNative(event.currency)
          ? simulateContract(config, {
              address: waitlist,
              abi: waitlistAbi,
              functionName: "join",
              args: [event.address, tier.id],
              value: tier.faceValue,
            })
          : signPermit(config, {
              token: event.currency.address,
              owner: me!,
              spender: waitlist,
              value: tier.faceValue,
            }).then((p) =>
              simulateContract(config, {
                address: waitlist,
                abi: waitlistAbi,
                functionName: "joinWithPermit",
                args: [event.address, tier.id, p.deadline, p.v, p.r, p.s],
              }),
            ),
      )
      .then(refresh);
  const leave = () =>
    tx
      .send(`Leaving the waitlist for tier ${tier.id} (deposit back)`, () =>
        simulateContract(config, {
          address: waitlist,
          abi: waitlistAbi,
          functionName: "leave",
          args: [event.address, tier.id],
        }),
      )
      .then(refresh);
  const withdraw = () =>
    tx
      .send(`Withdrawing ${fmt(w.owed)}`, () =>
        simulateContract(config, { address: waitlist, abi: waitlistAbi, functionName: "withdraw", args: [w.currency] }),
      )
      .then(refresh);

  return (
    <div
      className="stack waitlist"
      data-testid="waitlist-panel"
      data-tier={tier.id}
      data-length={w.length}
      data-position={w.position}
    >
      <strong>Waitlist</strong>
      <p className="small" data-testid="waitlist-summary">
        {w.length === 0 ? "Nobody is waiting yet." : `${w.length} waiting.`}{" "}
        {w.position > 0 ? (
          <span data-testid="waitlist-position">You are number {w.position} in line.</span>
        ) : (
          `Join with a deposit of ${fmt(tier.faceValue)} (the face value): when a holder returns a ticket, the first in line gets it for at most that price (where the resale cap is lower, the rest of the deposit comes back). Leave any time to get the deposit back.`
        )}
      </p>
      {status === "connected" && (
        <div className="row">
          {w.position > 0 ? (
            <button
              type="button"
              className="button secondary"
              data-testid="waitlist-leave"
              disabled={tx.busy}
              onClick={() => void leave()}
            >
              Leave the waitlist ({fmt(tier.faceValue)} back)
            </button>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="waitlist-join"
              disabled={tx.busy || blocker !== null}
              onClick={() => void join()}
            >
              Join the waitlist for {fmt(tier.faceValue)}
            </button>
          )}
          {w.owed > 0n && (
            <button
              type="button"
              className="button secondary"
              data-testid="waitlist-withdraw"
              disabled={tx.busy}
              onClick={() => void withdraw()}
            >
              Withdraw {fmt(w.owed)}
            </button>
          )}
        </div>
      )}
      {status === "connected" && w.position === 0 && blocker && (
        <p className="small muted" data-testid="waitlist-blocked">
          {blocker}
        </p>
      )}
      {status !== "connected" && <p className="small muted">Connect a wallet to join the waitlist.</p>}
      <TxStatus state={tx.state} testId="waitlist-status" />
    </div>
  );
}
