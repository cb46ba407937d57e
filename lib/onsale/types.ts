/** JSON shapes of the `/onsale` HTTP API (see indexer/README.md). */
import type { Address, Hex } from "viem";
import type { OnsaleVoucher } from "./voucher";

export type OnsaleSale = {
  id: string;
  contract: Address;
  tier: number;
  opensAt: string;
  admitPerSecond: number;
  lottery: boolean;
  powBits: number;
  maxPerIdentity: number;
  identityRequired: boolean;
  ipJoinsPerMinute: number;
  walletRequestsPerMinute: number;
  admissionTtlSeconds: number;
  voucherTtlSeconds: number;
  /** lottery drawn (or, without lottery, sale open) */
  drawn: boolean;
  /** entries in the queue so far (positions handed out) */
  queued: number;
  admittedThrough: number;
};

/** `GET /onsale/info`: what an organizer needs to point an event at this waiting room. */
export type OnsaleInfo = {
  chainId: number;
  /** The address that signs vouchers: the event's `voucherSigner` must be this; null when the service has no signer. */
  voucherSigner: Address | null;
};

/** Admin input of `POST /onsale/sales` (defaults in brackets in the README). */
export type CreateSaleInput = {
  id: string;
  contract: Address;
  tier: number;
  opensAt: string;
  admitPerSecond: number;
  lottery?: boolean;
  powBits?: number;
  maxPerIdentity: number;
  identityRequired?: boolean;
  ipJoinsPerMinute?: number;
  walletRequestsPerMinute?: number;
  admissionTtlSeconds?: number;
  voucherTtlSeconds?: number;
};

/**
 * `early`: joined before the on-sale time, position drawn by lottery when it opens.
 * `waiting` → `admitted` (may sign in and get a voucher until `admissionExpiresAt`) → `voucher`;
 * `expired` if the admission ran out first.
 */
export type OnsaleEntryState = "early" | "waiting" | "admitted" | "voucher" | "expired";

export type OnsaleEntryStatus = {
  saleId: string;
  state: OnsaleEntryState;
  /** null until the lottery draws */
  position: number | null;
  /** fans still ahead of you (null before the draw) */
  ahead: number | null;
  /** seconds, from `ahead` and the admission rate; before the draw, counts from the on-sale time */
  estimatedWaitSeconds: number | null;
  opensAt: string;
  joinedAt: string;
  admittedAt: string | null;
  admissionExpiresAt: string | null;
  wallet: Address | null;
};

export type OnsaleJoinResult = { token: string; status: OnsaleEntryStatus };

export type OnsalePowChallenge = { challenge: string; bits: number; expiresAt: string };

export type OnsaleVoucherRequest = {
  quantity: number;
  /** real-name sales: the fan's ID number (only its HMAC is kept) */
  idNumber?: string;
  /** opaque proof from an identity provider's client SDK (a KYC session reference) */
  identityEvidence?: string;
};

export type OnsaleIssuedVoucher = {
  chainId: number;
  contract: Address;
  voucher: OnsaleVoucher;
  signature: Hex;
  /** wei, decimal string: what `claim` must be sent with */
  price: string;
};
