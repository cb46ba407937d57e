"use client";

import { useConfig, useConnection } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView } from "../../chain-reads/read-event";
import { formatPrice, isNative } from "../../../lib/currency/currency";
import { signPermit } from "../../tx/sign-permit";
import { useContractTx } from "../../hooks/useContractTx";
import { useListings } from "../../hooks/useEvent";
import { shortAddress } from "../../format/short-address";
import { resaleMarketAbi } from "../../../lib/generated/abis";
import { Empty, IndexerErrorState, Loading } from "../QueryStates";
import { TxStatus } from "../TxStatus";
import { TicketLabel, TierName } from "./TicketWords";

/** Tickets fans resell on the official market, each at or under its cap. */
export function ResaleListings({ event }: { event: EventView }) {
  const config = useConfig();
  const { address, status } = useConnection();
  const listings = useListings(event.address);
  const tx = useContractTx();

  const body = () => {
    if (listings.isPending) return <Loading testId="listings-loading">Loading resale listings…</Loading>;
    if (listings.isError)
      return (
        <IndexerErrorState
          error={listings.error}
          what="the resale listings"
          retry={() => void listings.refetch()}
          testId="listings-error"
        />
      );
    if (listings.data.length === 0) return <Empty testId="listings-empty">No tickets for resale right now.</Empty>;
    return (
      <ul className="list-plain" data-testid="listing-list">
        {listings.data.map((l) => {
          const face = l.tier === null ? null : (event.tiers[l.tier]?.faceValue ?? null);
          const mine = address?.toLowerCase() === l.seller.toLowerCase();
          return (
            <li
              key={l.tokenId.toString()}
              className="listing-card row"
              data-testid="listing"
              data-token-id={l.tokenId.toString()}
              style={{ justifyContent: "space-between" }}
            >
              <span>
                <TicketLabel contract={event.address} tokenId={l.tokenId} />
                {l.tier !== null && (
                  <>
                    {" · "}
                    <TierName contract={event.address} tier={l.tier} />
                  </>
                )}
                <br />
                <span className="small muted">
                  {formatPrice(l.price, event.currency)}
                  {face !== null && ` (face ${formatPrice(face, event.currency)})`} from {shortAddress(l.seller)}
                </span>
              </span>
              <button
                type="button"
                className="button"
                data-testid="buy-listing"
                disabled={status !== "connected" || mine || tx.busy || event.cancelled}
                onClick={() =>
                  void tx
                    .send(`Buying resale ticket #${l.tokenId}`, () =>
                      isNative(event.currency)
                        ? simulateContract(config, {
                            address: event.market,
                            abi: resaleMarketAbi,
                            functionName: "buy",
                            args: [event.address, l.tokenId, l.price],
                            value: l.price,
                          })
                        : // A stablecoin event: one permit signature for the market, then one transaction.
                          // Both name the price on the button: the market refuses (MarketPriceChanged) if the seller re-listed since.
                          signPermit(config, {
                            token: event.currency.address,
                            owner: address!,
                            spender: event.market,
                            value: l.price,
                          }).then((p) =>
                            simulateContract(config, {
                              address: event.market,
                              abi: resaleMarketAbi,
                              functionName: "buyWithPermit",
                              args: [event.address, l.tokenId, l.price, p.deadline, p.v, p.r, p.s],
                            }),
                          ),
                    )
                    .then(() => listings.refetch())
                }
              >
                {mine ? "Yours" : `Buy ${formatPrice(l.price, event.currency)}`}
              </button>
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <section className="panel stack">
      <h2>Resale</h2>
      {body()}
      <TxStatus state={tx.state} testId="listing-tx-status" receipt />
    </section>
  );
}
