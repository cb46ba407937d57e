/**
 * Every abuse limit of the HTTP server in one place (docs/threat-model.md lists each with its
 * test; the README lists the ones an operator sets). Per client = per client IP address, as
 * `clientIp` resolves it behind `TRUSTED_PROXY_HOPS` proxies.
 */

/** Request bodies, every method: gate messages are well under 1 KiB; nothing else needs more. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A venue upload (`PUT /seats/venue`): a 50,000-seat CSV is about 1.5 MB. */
export const MAX_VENUE_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Kinds of rate-limited endpoint, each its own token bucket per client (`perSecond`, burst 4×),
 * so a flood of one kind (anonymous pass nonces) never locks another out (staff sign-in).
 * `perSecond` is a multiple of `GATE_IP_RATE` (default 50/s): the base is the operator's knob.
 */
export type RateBucket = "fan-nonce" | "staff-sign-in" | "fan-sign-in" | "fan-write" | "authenticated";

export const RATE_BUCKETS: Record<RateBucket, { share: number; what: string }> = {
  /** Anonymous: a challenge or nonce row per call. */
  "fan-nonce": { share: 1, what: "POST /gate/challenge, /pass/nonce (anonymous)" },
  /** Door staff: a venue's scanners sign in behind one NAT at opening time. */
  "staff-sign-in": { share: 1, what: "POST /gate/session/nonce, /gate/session, /gate/session/invite" },
  /** Fans' seat sign-in: each throwaway wallet needs one, so it is the tighter one. */
  "fan-sign-in": { share: 0.2, what: "POST /seats/session/nonce, /seats/session" },
  /** Fans' writes that check a signature or take a seat. */
  "fan-write": { share: 1, what: "POST /pass/delegations, /seats/holds" },
  /** Any of the above sent with a bearer token: scanners asking for challenges are not starved by anonymous floods. */
  authenticated: { share: 2, what: "POST /gate/challenge with a scanner session" },
};

/** Which bucket a POST path falls in (undefined: not IP rate-limited here; scans and on-sale have their own). */
export const RATE_BUCKET_OF: Readonly<Record<string, RateBucket>> = {
  "/gate/challenge": "fan-nonce",
  "/pass/nonce": "fan-nonce",
  "/gate/session/nonce": "staff-sign-in",
  "/gate/session": "staff-sign-in",
  "/gate/session/invite": "staff-sign-in",
  "/seats/session/nonce": "fan-sign-in",
  "/seats/session": "fan-sign-in",
  "/pass/delegations": "fan-write",
  "/seats/holds": "fan-write",
};

/** Seat holds during checkout. */
export const SEAT_HOLD_LIMITS = {
  ttlSeconds: 180,
  /** Seats one wallet holds at a time. */
  perWallet: 8,
  /** Seats held through one client address at a time, all its wallets together (a family behind one NAT). */
  perClient: 24,
  /** Share of the event's layout held at a time, everyone together (at least `perWallet` seats). */
  perEventShare: 0.25,
};

/** Open Server-Sent Event streams, per route: per client, and for the whole process. */
export const STREAM_LIMITS = {
  /** `GET /stream`: the app opens one per tab. */
  changes: { perClient: 16, global: 2_000 },
  /** `GET /seats/stream`: one per seat map. */
  seats: { perClient: 16, global: 2_000 },
  /** `GET /onsale/entry/stream`: one per waiting-room tab; each polls the database once a second. */
  onsaleEntry: { perClient: 16, global: 5_000 },
};

/**
 * Signature checks (gate scans, sign-ins, delegations): an EOA signature is checked locally; the
 * chain is asked only for contract wallets (gate/steps/verify-signature.ts), and a nonce answered
 * with bad signatures is spent (gate/siwe/verify-siwe.ts).
 */
export const SIGNATURE_CHECK_LIMITS = {
  /** Bad signatures one nonce may be answered with before it is spent. */
  failuresPerNonce: 3,
  /** Chain reads for signature checks (uncached eth_getCode, ERC-1271/6492 eth_call) per client per second, burst 4×. */
  chainChecksPerClientPerSecond: 5,
  /** An address with code keeps it (cached this long); one without may deploy later (cached shorter). */
  codeCacheMs: 60 * 60_000,
  noCodeCacheMs: 60_000,
  /** Addresses and nonces remembered at most (oldest forgotten first). */
  maxCachedAddresses: 100_000,
  maxCountedNonces: 100_000,
};

/**
 * Staff sessions outlive no authority (gate/sessions/staff-authority.ts): the role behind a
 * session (GATE_ROLE, or the admin role that issued an invite) is re-read on chain at most this
 * old on scans, and afresh before every privileged call (snapshot, reconcile, invites, sessions).
 */
export const STAFF_AUTHORITY_RECHECK = {
  /** A role read older than this is read again before the call is served. */
  maxAgeMs: 60_000,
  /** From this age a busy scanner's role is re-read in the background (it never waits). */
  refreshAfterMs: 30_000,
  maxCachedSessions: 10_000,
};

/**
 * Offline snapshot deltas (`GET /gate/offline/delta`, gate/offline/build-delta.ts): a scanner asks
 * every 15 s and on reconnect; each is a handful of indexed reads. Staff role as on scans (a read at
 * most a minute old), not afresh: deltas come as often as a slow scan rate.
 */
export const OFFLINE_DELTA_LIMITS = {
  /** Deltas per scanner session per second, burst 4× (a reconnect right after a periodic ask). */
  perSessionPerSecond: 1,
  /** A cursor older than this is refused: download a full snapshot instead (bounds a delta's size). */
  maxCursorAgeMs: 12 * 60 * 60 * 1000,
};

/**
 * ERC-721 token and collection metadata (`GET /metadata/…`, indexer/metadata/): public and crawled
 * by wallets and marketplaces, one database read per request, so each client has a bucket; short
 * cache lifetimes because a ticket's status (used, refunded, cancelled) changes.
 */
export const METADATA_LIMITS = {
  /** Requests per client per second, burst 4×: a marketplace indexing a 50,000-ticket event takes minutes, not the database. */
  perClientPerSecond: 50,
  /** Cache lifetime of a token's JSON and image. */
  tokenMaxAgeSeconds: 30,
  /** Cache lifetime of the collection's JSON (its name and content change rarely). */
  collectionMaxAgeSeconds: 300,
  /** Longest text drawn in the SVG image, in characters (longer is cut with an ellipsis). */
  svgTextChars: 40,
};

/**
 * Organizer-signed event content (`/events/:address/content`, indexer/content/): each write checks a
 * signature and reads the admin role on chain, so writes are few per client; reads are public and cached.
 */
export const EVENT_CONTENT_LIMITS = {
  /** `PUT` body: an uploaded image (lib/event-content MAX_IMAGE_BYTES, 200 kB) as base64 plus the text. */
  maxBodyBytes: 320 * 1024,
  /** Signed writes per client: one every 5 s on average, 5 at once (an organizer saving a few edits). */
  writesPerClientPerSecond: 0.2,
  writeBurst: 5,
  /** Cache lifetime of the content JSON (and of an image asked for without its version). */
  maxAgeSeconds: 30,
};
