/**
 * The bot friction a sale gets when its organizer does not choose: off on the local chain (demos
 * and tests), on everywhere else, so a real sale never starts with its Sybil limits open.
 * A sale may still set its own values (0 turns one off), as before.
 */
import { LOCAL_CHAIN_ID } from "../../../lib/chain";

export type SaleFrictionDefaults = { powBits: number; ipJoinsPerMinute: number; walletRequestsPerMinute: number };

export const LOCAL_SALE_DEFAULTS: SaleFrictionDefaults = {
  powBits: 0,
  ipJoinsPerMinute: 0,
  walletRequestsPerMinute: 0,
};

/**
 * 16 bits: ~65,000 SHA-256 tries, well under a second in a phone's browser, 65,000× the cost of a
 * free join for a script. 30 joins a minute per client address leaves room for a venue's shared
 * Wi-Fi or a carrier's NAT; 20 sign-in / voucher requests a minute per wallet is far above a person's.
 */
export const PRODUCTION_SALE_DEFAULTS: SaleFrictionDefaults = {
  powBits: 16,
  ipJoinsPerMinute: 30,
  walletRequestsPerMinute: 20,
};

export function saleDefaultsFor(chainId: number): SaleFrictionDefaults {
  return chainId === LOCAL_CHAIN_ID ? LOCAL_SALE_DEFAULTS : PRODUCTION_SALE_DEFAULTS;
}
