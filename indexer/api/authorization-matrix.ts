/**
 * Who may call what: every route the API registers × every kind of caller → the HTTP status the
 * route answers that caller (issue 18). `authorization-matrix.test.ts` sends each route's probe
 * (a well-formed request for event A, in the test) as each caller against the real app and checks
 * the status; a route the app registers without an entry here fails that test.
 *
 * Callers, all about event A (a fan's credential is their seat session; staff and organizers
 * present their gate session; invite staff also sign each request with their device key):
 * - `anonymous`: no credential.
 * - `fan`: holds ticket #1 of A.                `otherFan`: holds no ticket of A.
 * - `inviteStaff`: invite session, zone 1 of A. `walletStaff`: GATE_ROLE on A, signed in.
 * - `revokedStaff`: signed in, then its GATE_ROLE was revoked on chain.
 * - `organizer`: admin session for A.           `otherOrganizer`: admin session for event B.
 *
 * Reading the table: 200/201 = served; 400 = refused for the request's content (the probe of a
 * public sign-in route carries a wrong signature: anyone may try, nobody gets in by it); 401 = no
 * valid credential of the kind the route needs; 403 = a valid one without the right;
 * 404 = nothing of that caller's there. Routes that act on "the session's event" (invites,
 * snapshots, reconcile) serve another event's organizer or staff *for their own event*, never A's.
 */
export const CALLERS = [
  "anonymous",
  "fan",
  "otherFan",
  "inviteStaff",
  "walletStaff",
  "revokedStaff",
  "organizer",
  "otherOrganizer",
] as const;
export type Caller = (typeof CALLERS)[number];
export type Row = Record<Caller, number>;

const all = (status: number): Row => Object.fromEntries(CALLERS.map((c) => [c, status])) as Row;
/** Everyone gets `otherwise` but the callers named. */
const only = (otherwise: number, some: Partial<Row>): Row => ({ ...all(otherwise), ...some });

/**
 * Staff sessions re-check GATE_ROLE (issue 18 item 2, another change): a revoked wallet's session is
 * refused like no session at all (401). Before that change a session outlived its role for its
 * 12 hours, and revoked staff answered as wallet staff: set this to false to describe that code.
 */
const STAFF_ROLE_RECHECKED = true;
const revoked = (asStaff: number): number => (STAFF_ROLE_RECHECKED ? 401 : asStaff);

const staff = (status: number, others: number, extra: Partial<Row> = {}): Row =>
  only(others, { inviteStaff: status, walletStaff: status, revokedStaff: revoked(status), ...extra });

const ORGANIZER_ONLY_ANALYTICS = only(401, {
  inviteStaff: 403,
  walletStaff: 403,
  revokedStaff: revoked(403),
  organizer: 200,
  otherOrganizer: 403,
});

export const AUTHORIZATION_MATRIX: Record<string, Row> = {
  // Public reads: chain facts anyone can read from the chain itself.
  "GET /health": all(200),
  "GET /metrics": all(200),
  "GET /tickets": all(200),
  "GET /tickets/:contract/:tokenId": all(200),
  "GET /check": all(200),
  "GET /events": all(200),
  "GET /events/:address": all(200),
  "GET /events/:address/waitlist": all(200),
  // Event content: public reads; a write's credential is the signature of a wallet holding the event's admin role
  // (each caller's probe is signed by its own wallet, or a fresh key for callers without one).
  "GET /events/:address/content": all(200),
  "GET /events/:address/content/image": all(200),
  "PUT /events/:address/content": only(403, { organizer: 200 }),
  "GET /listings": all(200),
  "GET /sales": all(200),
  "GET /stream": all(200),
  // ERC-721 token and collection metadata for wallets: public, no holder or identity in it.
  "GET /metadata/:chainId/:ticket": all(200),
  "GET /metadata/:chainId/:ticket/:tokenId": all(200),
  "GET /metadata/:chainId/:ticket/:tokenId/image.svg": all(200),

  // Organizer analytics: the organizer's only; primary sales restate chain logs.
  "GET /analytics/:contract/arrivals": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/gates": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/no-shows": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/resale-prices": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/hoarding": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/leaks": ORGANIZER_ONLY_ANALYTICS,
  "GET /analytics/:contract/primary-sales": all(200),

  // Gate: challenges are public in challenge mode (GATE_REQUIRE_SESSION=false here); a bearer must be A's.
  "POST /gate/challenge": only(401, {
    anonymous: 200,
    inviteStaff: 200,
    walletStaff: 200,
    revokedStaff: revoked(200),
    organizer: 200,
  }),
  // The holder's SIWE signature is the credential; a junk one is a DENY verdict for anyone.
  "POST /gate/scan": all(200),
  "POST /gate/pass/scan": staff(200, 401, { organizer: 200, otherOrganizer: 200 }),
  "POST /gate/session/nonce": all(200),
  "POST /gate/session": all(400),
  "POST /gate/session/invite": all(401),
  "POST /gate/invites": only(401, { organizer: 200, otherOrganizer: 200 }),
  "GET /gate/invites": only(401, { organizer: 200, otherOrganizer: 200 }),
  // Another event's organizer is told there is no such invite for their event (401 GATE_UNAUTHORIZED).
  "DELETE /gate/invites/:id": only(401, { organizer: 200 }),
  // Staff sessions: the organizer lists and ends them (issue 18 item 2).
  "GET /gate/sessions": only(401, { organizer: 200, otherOrganizer: 200 }),
  "DELETE /gate/sessions/:id": only(401, { organizer: 200 }),
  "GET /gate/offline/snapshot": staff(200, 401, { organizer: 200, otherOrganizer: 200 }),
  "POST /gate/offline/reconcile": staff(200, 401, { organizer: 200, otherOrganizer: 200 }),
  // Snapshot deltas: the session's own event, as the snapshot.
  "GET /gate/offline/delta": staff(200, 401, { organizer: 200, otherOrganizer: 200 }),

  // Pass delegation: the holder's wallet signature is the credential.
  "POST /pass/nonce": all(200),
  "POST /pass/delegations": all(400),

  // Seats: a fan's seat session holds seats; the organizer sets the venue; anyone reads.
  "POST /seats/session/nonce": all(200),
  "POST /seats/session": all(400),
  "POST /seats/holds": only(401, { fan: 200, otherFan: 200 }),
  "DELETE /seats/holds": only(401, { fan: 200, otherFan: 200 }),
  "GET /seats/holds": all(200),
  "PUT /seats/venue": only(401, { organizer: 200 }),
  "GET /seats/venue": all(200),
  "GET /seats/status": all(200),
  "GET /seats/stream": all(200),

  // On-sale: the organizer (or the operator's token) opens a sale; anyone joins; an entry's routes answer its queue token only.
  "GET /onsale/info": all(200),
  "GET /onsale/sales": all(200),
  "GET /onsale/sales/:id": all(200),
  "POST /onsale/sales": only(401, { organizer: 201 }),
  "POST /onsale/sales/:id/pow": all(200),
  "POST /onsale/sales/:id/join": all(201),
  "GET /onsale/entry": all(401),
  "GET /onsale/entry/stream": all(401),
  "POST /onsale/entry/sign-in/nonce": all(401),
  "POST /onsale/entry/sign-in": all(401),
  "POST /onsale/entry/voucher": all(401),
  // Identity binding: the holder signs in for one ticket first (issue 18 item 12).
  "POST /onsale/bindings/nonce": all(200),
  "POST /onsale/bindings": all(400),
};
