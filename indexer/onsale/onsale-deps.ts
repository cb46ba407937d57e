/** What the waiting-room service needs from the rest of the indexer process. */
import type { PublicClient } from "viem";
import type { Db } from "../db/types";
import type { IdentityProvider } from "./identity/identity-provider";
import type { VoucherSigner } from "./vouchers/voucher-signer";

export type OnsaleDeps = {
  db: Db;
  client: PublicClient;
  chainId: number;
  /** SIWE domains a sign-in may name (the indexer's SIWE_DOMAINS); the first is the default. */
  siweDomains: readonly string[];
  /** Signs vouchers; without one, voucher requests get SIGNER_UNAVAILABLE. */
  signer?: VoucherSigner | undefined;
  identity: IdentityProvider;
  /** Bearer token for `POST /onsale/sales`; without one, sales can only be created in code. */
  adminToken?: string | undefined;
  /**
   * The event contract whose organizer holds this `Authorization` header (an admin gate session),
   * or null; lets organizers open sales from the app without the operator token.
   */
  organizerContract?: ((authorization: string) => Promise<string | null>) | undefined;
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  now: () => Date;
  /** Uniform integer in [0, n): the lottery's randomness (default node:crypto randomInt). */
  randomInt?: (n: number) => number;
  log?: (line: string) => void;
};
