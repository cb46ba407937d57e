/** The rule sets the simulation compares, from nothing to everything on. */
export type RuleSet = {
  name: string;
  /** random positions for early arrivals (else first come, first served) */
  lottery: boolean;
  /** tickets per voucher / wallet / identity the waiting room allows */
  perPerson: number;
  /** EventTicket.maxPerWallet and maxPerIdentity (0 = none) */
  contractMaxPerWallet: number;
  contractMaxPerIdentity: number;
  identityRequired: boolean;
  /** identity provider checks the person (document + liveness), modelled by sim-identity-provider.ts */
  kyc: boolean;
  powBits: number;
  ipJoinsPerMinute: number;
  walletRequestsPerMinute: number;
  /** TransferMode: 0 Free (off-market deals possible), 1 MarketOnly (resale capped at face on the market) */
  mode: 0 | 1;
};

export const RULE_SETS: RuleSet[] = [
  {
    name: "none",
    lottery: false,
    perPerson: 10,
    contractMaxPerWallet: 0,
    contractMaxPerIdentity: 0,
    identityRequired: false,
    kyc: false,
    powBits: 0,
    ipJoinsPerMinute: 0,
    walletRequestsPerMinute: 0,
    mode: 0,
  },
  {
    name: "lottery+caps",
    lottery: true,
    perPerson: 2,
    contractMaxPerWallet: 2,
    contractMaxPerIdentity: 0,
    identityRequired: false,
    kyc: false,
    powBits: 0,
    ipJoinsPerMinute: 0,
    walletRequestsPerMinute: 0,
    mode: 0,
  },
  {
    name: "+id+market-only",
    lottery: true,
    perPerson: 2,
    contractMaxPerWallet: 2,
    contractMaxPerIdentity: 2,
    identityRequired: true,
    kyc: false,
    powBits: 0,
    ipJoinsPerMinute: 0,
    walletRequestsPerMinute: 0,
    mode: 1,
  },
  {
    name: "everything",
    lottery: true,
    perPerson: 2,
    contractMaxPerWallet: 2,
    contractMaxPerIdentity: 2,
    identityRequired: true,
    kyc: true,
    powBits: 12,
    ipJoinsPerMinute: 8,
    walletRequestsPerMinute: 20,
    mode: 1,
  },
];
