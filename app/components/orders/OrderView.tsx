"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Hash, PublicClient } from "viem";
import { usePublicClient } from "wagmi";
import { formatPrice, isNative } from "../../../lib/currency/currency";
import { seatLabel } from "../../../lib/seating/venue-layout";
import { shortAddress } from "../../format/short-address";
import { formatEth, formatTime } from "../../format/ticket-words";
import { useIndexerClient } from "../../hooks/useIndexerClient";
import { useIndexerQuery } from "../../hooks/useIndexerQuery";
import { OrderReadError } from "../../orders/order-from-receipt";
import { readOrder, type OrderView as OrderData } from "../../orders/read-order";
import { queryKeys } from "../../queries/query-keys";
import { ErrorState, Loading } from "../QueryStates";

/** Token ids whose tier and seat the receipt asks the indexer for (a large order lists the rest by number). */
const DESCRIBED_TOKENS = 20;

/** What the indexer says about the order's first tickets: tier and seat (it may lag a purchase by a block). */
function useOrderTickets(data: OrderData | undefined) {
  return useIndexerQuery((indexer, url) => ({
    queryKey: queryKeys.indexer.orderTickets(url, data?.order.txHash),
    queryFn: async ({ signal }) => {
      const ids = data!.order.tokenIds.slice(0, DESCRIBED_TOKENS);
      const found = await Promise.allSettled(ids.map((id) => indexer.ticket(data!.order.contract, id, { signal })));
      return found.flatMap((r) => (r.status === "fulfilled" ? [r.value.ticket] : []));
    },
    enabled: data !== undefined,
    retry: 1,
  }));
}

/** A purchase's receipt, rebuilt from its transaction: what was bought, the price, fees, gas actually paid. */
export function OrderView({ hash }: { hash: Hash }) {
  const client = usePublicClient() as PublicClient | undefined;
  const indexer = useIndexerClient();
  const q = useQuery({
    queryKey: queryKeys.chain.order(client?.chain?.id, hash),
    queryFn: () => readOrder(client!, indexer, hash),
    enabled: client !== undefined,
    // A mined receipt never changes; only a refusal that may pass later (not found yet) is retried.
    staleTime: Number.POSITIVE_INFINITY,
    retry: (n, error) => n < 2 && !(error instanceof OrderReadError && error.code !== "NOT_FOUND"),
  });
  const tickets = useOrderTickets(q.data);
  if (q.isPending) return <Loading testId="order-loading">Loading the receipt…</Loading>;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} testId="order-error" />;
  const { order, event } = q.data;
  const fmt = (amount: bigint) => formatPrice(amount, event.currency);
  const byId = new Map((tickets.data ?? []).map((t) => [t.tokenId, t]));
  const tierOf = (id: bigint) => order.tier ?? byId.get(id.toString())?.tier ?? null;
  const firstTier = order.tokenIds.length > 0 ? tierOf(order.tokenIds[0]!) : order.tier;
  const count = order.tokenIds.length;
  const what =
    order.kind === "resale"
      ? `Resale ticket from ${shortAddress(order.resaleSeller!)}`
      : `${count} ${order.kind === "seats" ? "seat" : "ticket"}${count === 1 ? "" : "s"}${order.kind === "voucher" ? " with a voucher" : ""}`;
  return (
    <section className="panel stack" data-testid="order" data-kind={order.kind} data-tx={order.txHash}>
      <h2>Receipt</h2>
      <dl className="kv">
        <dt>Event</dt>
        <dd data-testid="order-event">
          <Link href={`/events/${event.address}`}>{event.name}</Link> · {formatTime(event.startTime)}
        </dd>
        <dt>Bought</dt>
        <dd data-testid="order-what">
          {what}
          {firstTier !== null && ` · Tier ${firstTier}`}
        </dd>
        <dt>Tickets</dt>
        <dd data-testid="order-tickets">
          <ul className="list-plain">
            {order.tokenIds.slice(0, DESCRIBED_TOKENS).map((id) => {
              const seat = byId.get(id.toString())?.seat;
              return (
                <li key={id.toString()} data-testid="order-ticket" data-token-id={id.toString()}>
                  <Link href={`/tickets/${order.contract}/${id}`}>Ticket #{id.toString()}</Link>
                  {seat && ` · ${seatLabel(seat)}`}
                </li>
              );
            })}
            {count > DESCRIBED_TOKENS && <li>and {count - DESCRIBED_TOKENS} more</li>}
          </ul>
        </dd>
        <dt>Price</dt>
        <dd data-testid="order-price">{fmt(order.price)}</dd>
        <dt>Fees</dt>
        <dd data-testid="order-fees">
          {order.royalty === null
            ? "None: you paid face value, held in escrow until the event"
            : `${fmt(order.royalty)} royalty to the organizer (${event.royaltyBps / 100}%), included in the price; the seller received ${fmt(order.price - order.royalty)}`}
        </dd>
        <dt>Gas</dt>
        <dd data-testid="order-gas">{formatEth(order.gasPaid)} (network fee, as charged)</dd>
        <dt>Total</dt>
        <dd data-testid="order-total">
          {isNative(event.currency)
            ? formatEth(order.price + order.gasPaid)
            : `${fmt(order.price)} + ${formatEth(order.gasPaid)} gas`}
        </dd>
        <dt>Buyer</dt>
        <dd title={order.buyer}>{shortAddress(order.buyer)}</dd>
        <dt>Transaction</dt>
        <dd className="mono small" data-testid="order-tx" style={{ overflowWrap: "anywhere" }}>
          {order.txHash}
        </dd>
      </dl>
      <Link href="/" data-testid="order-my-tickets">
        See your tickets
      </Link>
    </section>
  );
}
