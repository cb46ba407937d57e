/**
 * An order by its transaction hash: the receipt from the chain (one `eth_getTransactionReceipt`, no
 * log scan), what it bought (./order-from-receipt), and the event it bought from, which must be one
 * the indexer mirrors (a Fairgate event) and, for a resale, sold by that event's own market. Nothing
 * is stored: the URL /orders/<txHash> rebuilds it any time.
 */
import { getAddress, TransactionReceiptNotFoundError, type Hash, type PublicClient } from "viem";
import type { IndexerClient } from "../../lib/indexer-client/client";
import { IndexerClientError } from "../../lib/indexer-client/errors";
import { readEvent, type EventView } from "../chain-reads/read-event";
import { OrderReadError, orderFromReceipt, type Order } from "./order-from-receipt";

export type OrderView = { order: Order; event: EventView };

export async function readOrder(client: PublicClient, indexer: IndexerClient, hash: Hash): Promise<OrderView> {
  const receipt = await client.getTransactionReceipt({ hash }).catch((error: unknown) => {
    if (error instanceof TransactionReceiptNotFoundError)
      throw new OrderReadError("NOT_FOUND", "No confirmed transaction with this hash on this chain (yet).");
    throw error;
  });
  const order = orderFromReceipt(receipt);
  try {
    await indexer.event(order.contract);
  } catch (error) {
    if (error instanceof IndexerClientError && error.status === 404)
      throw new OrderReadError("NOT_FAIRGATE", "This transaction did not buy from a Fairgate event.");
    throw error;
  }
  const event = await readEvent(client, order.contract);
  if (order.market !== null && getAddress(order.market) !== getAddress(event.market))
    throw new OrderReadError("NOT_FAIRGATE", "This resale did not go through the event's official market.");
  return { order, event };
}
