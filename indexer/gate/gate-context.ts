/**
 * GateDeps with defaults filled in and the per-process state the gate keeps in memory
 * (device-key cache, rate limiter). Built once per API.
 */
import { contractTicketFacts } from "./facts/contract-ticket-facts";
import type { TicketFacts } from "./facts/ticket-facts";
import { defaultGateSettings, type GateDeps, type GateSettings } from "./gate-deps";
import { createDelegationCache, type DelegationCache } from "./pass/delegation-cache";
import { createRateLimiter, type RateLimiter } from "./sessions/rate-limiter";

export type GateContext = GateDeps & {
  facts: TicketFacts;
  settings: GateSettings;
  delegations: DelegationCache;
  rateLimiter: RateLimiter;
};

export function createGateContext(deps: GateDeps): GateContext {
  const settings = { ...defaultGateSettings, ...deps.settings };
  return {
    ...deps,
    // Read through, so a test (or a reload) that swaps these on `deps` is seen.
    syncStatus: () => deps.syncStatus(),
    now: () => deps.now(),
    facts: deps.facts ?? contractTicketFacts(deps.client),
    settings,
    delegations: createDelegationCache(deps.db),
    rateLimiter: createRateLimiter({ perSecond: settings.scanRatePerSecond, burst: settings.scanRatePerSecond * 2 }),
  };
}
