/**
 * GateDeps with defaults filled in and the per-process state the gate keeps in memory
 * (device-key cache, rate limiter). Built once per API.
 */
import { contractTicketFacts } from "./facts/contract-ticket-facts";
import type { TicketFacts } from "./facts/ticket-facts";
import { defaultGateSettings, type GateDeps, type GateSettings } from "./gate-deps";
import { createDelegationCache, type DelegationCache } from "./pass/delegation-cache";
import { createDeviceSignatureVerifier, type DeviceSignatureVerifier } from "./pass/device-signature";
import { createRateLimiter, type RateLimiter } from "./sessions/rate-limiter";
import { createCheckInWriter, type CheckInWriter } from "./steps/check-in-writer";
import { createMirrorAdmitter, type MirrorAdmitter } from "./admission/mirror-admission";
import { createSnapshotSigner, type SnapshotSigner } from "./offline/snapshot-key";
import { createVenueCache, type VenueCache } from "../seating/venue-cache";
import { createSeatEvents, type SeatEvents } from "../seating/seat-events";
import { createStaffAuthority, type StaffAuthority } from "./sessions/staff-authority";
import { forgetSessions } from "./sessions/authenticate";

export type GateContext = GateDeps & {
  /** Fallback facts when the mirror cannot answer (contract reads, cached). */
  facts: TicketFacts;
  /** Fast path: mirror facts and first-wins admission in one group-committed statement. */
  admitFromMirror: MirrorAdmitter;
  settings: GateSettings;
  delegations: DelegationCache;
  /** Pass device signatures, on the main thread or the thread pool by load. */
  deviceSignatures: DeviceSignatureVerifier;
  rateLimiter: RateLimiter;
  /** Group-committed first-wins admission (slow path, offline reconcile). */
  recordCheckIn: CheckInWriter;
  /** Signs offline snapshots. */
  snapshotSigner: SnapshotSigner;
  /** Venue layouts, for the seat of a reserved ticket on ADMIT. */
  venues: VenueCache;
  /** Seat holds placed or released here, for the seat stream. */
  seatEvents: SeatEvents;
  /** Staff sessions' on-chain authority, re-checked (sessions/staff-authority.ts). */
  staffAuthority: StaffAuthority;
};

export function createGateContext(deps: GateDeps, wiring: Pick<GateDeps, "onAdmitted"> = {}): GateContext {
  const settings = { ...defaultGateSettings, ...deps.settings };
  return {
    ...deps,
    onAdmitted: wiring.onAdmitted ?? deps.onAdmitted,
    // Read through, so a test (or a reload) that swaps these on `deps` is seen.
    syncStatus: () => deps.syncStatus(),
    now: () => deps.now(),
    facts: deps.facts ?? contractTicketFacts(deps.client),
    settings,
    delegations: createDelegationCache(deps.db),
    deviceSignatures: createDeviceSignatureVerifier(),
    recordCheckIn: createCheckInWriter(deps.db),
    admitFromMirror: createMirrorAdmitter(deps.db),
    snapshotSigner: createSnapshotSigner(settings.snapshotKeyPem),
    venues: createVenueCache(deps.db),
    seatEvents: createSeatEvents(),
    rateLimiter: createRateLimiter({ perSecond: settings.scanRatePerSecond, burst: settings.scanRatePerSecond * 2 }),
    staffAuthority: createStaffAuthority({ db: deps.db, client: deps.client, now: () => deps.now() }, () =>
      forgetSessions(deps),
    ),
  };
}
