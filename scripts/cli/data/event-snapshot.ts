/** What `status` and `export` know about one event: the shape every data source returns. */
import type { Address, Hash } from "viem";

export type TierInfo = {
  tier: number;
  faceValue: bigint;
  supply: number;
  zones: number;
  mode: number;
  resaleCapBps: number;
  voucherOnly: boolean;
  minted: number;
};

export type TicketRecord = {
  tokenId: bigint;
  tier: number;
  owner: Address;
  paid: boolean;
  refunded: boolean;
  checkedIn: boolean;
};

export type CheckInRecord = {
  tokenId: bigint;
  tier: number;
  holder: Address;
  /** "chain": a `CheckedIn` log; "gate": admitted by the gate service, not yet batched on chain. */
  source: "chain" | "gate";
  gate?: Address;
  block?: bigint;
  txHash?: Hash;
  time?: Date;
};

export type SaleRecord = {
  kind: "primary" | "resale";
  tokenId: bigint;
  tier: number;
  buyer: Address;
  seller?: Address;
  price: bigint;
  royalty: bigint;
  block: bigint;
  txHash: Hash;
  time?: Date;
};

export type EventSnapshot = {
  address: Address;
  name: string;
  symbol: string;
  organizer: Address;
  startTime: bigint;
  endTime: bigint;
  cancelled: boolean;
  escrowBalance: bigint;
  /** Chain time of the block the snapshot was read at. */
  now: bigint;
  atBlock: bigint;
  tiers: TierInfo[];
  tickets: TicketRecord[];
  checkIns: CheckInRecord[];
  sales: SaleRecord[];
};

/**
 * Where the data comes from. Today: contract views and logs, plus the indexer's gate check-ins
 * (`chain-event-data.ts`); later the indexer's own event API can implement this instead.
 */
export interface EventDataSource {
  snapshot(event: Address): Promise<EventSnapshot>;
}
