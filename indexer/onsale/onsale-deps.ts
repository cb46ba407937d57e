/** What the waiting-room service needs from the rest of the indexer process. */
import type { PublicClient } from "viem";
import type { Db } from "../db/types";
import type { IdentityProvider } from "./identity/identity-provider";
import type { SaleFrictionDefaults } from "./sales/sale-defaults";
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
  /** Proxies in front of the server (TRUSTED_PROXY_HOPS; api/client-ip.ts); 0 = the socket's address. createApi sets it from the gate settings. */
  trustedProxyHops?: number | undefined;
  now: () => Date;
  /** Proof of work and rate limits of a sale that sets none (sales/sale-defaults.ts); absent: all off. */
  saleDefaults?: SaleFrictionDefaults | undefined;
  /** Uniform integer in [0, n): the lottery's randomness (default node:crypto randomInt). */
  randomInt?: (n: number) => number;
  log?: (line: string) => void;
};
