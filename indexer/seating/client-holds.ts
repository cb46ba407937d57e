/**
 * Seats held through each client address, per event, so one client with many throwaway wallets
 * (45 wallets held 360 seats in 3 s) cannot keep a map full of holds: the per-wallet cap alone does
 * not see them together. In memory per instance, like the on-sale rate limits: N instances allow
 * at most N× the cap to one client, and the per-event cap (in the database) bounds everyone.
 * A reservation is taken synchronously before the database write, so a client's parallel
 * requests cannot slip past the count, and undone if the write refuses.
 */
type Held = { client: string; expiresAt: number };

export type ClientHolds = ReturnType<typeof createClientHolds>;

/** Events whose ledgers are kept; the least recently used goes first. */
const MAX_EVENTS = 256;

export function createClientHolds() {
  const events = new Map<string, Map<number, Held>>();

  function ledger(contract: string): Map<number, Held> {
    const key = contract.toLowerCase();
    let seats = events.get(key);
    if (seats) events.delete(key);
    else seats = new Map();
    events.set(key, seats);
    while (events.size > MAX_EVENTS) events.delete(events.keys().next().value!);
    return seats;
  }

  return {
    /**
     * Records `seats` as held through `client` until `expiresAt`, unless that would take the
     * client past `cap` live seats on this event (seats it already holds among them count once).
     */
    reserve(r: {
      contract: string;
      client: string;
      seats: number[];
      expiresAt: number;
      cap: number;
      now: number;
    }): { ok: true; undo: () => void } | { ok: false; held: number } {
      const seats = ledger(r.contract);
      const asked = new Set(r.seats);
      let held = 0;
      for (const [seat, h] of seats) {
        if (h.expiresAt <= r.now) seats.delete(seat);
        else if (h.client === r.client && !asked.has(seat)) held++;
      }
      if (held + asked.size > r.cap) return { ok: false, held };
      const before = new Map([...asked].map((seat) => [seat, seats.get(seat)]));
      for (const seat of asked) seats.set(seat, { client: r.client, expiresAt: r.expiresAt });
      return {
        ok: true,
        undo: () => {
          for (const [seat, was] of before) {
            if (was) seats.set(seat, was);
            else seats.delete(seat);
          }
        },
      };
    },
    release(contract: string, seats: number[]): void {
      const held = events.get(contract.toLowerCase());
      for (const seat of seats) held?.delete(seat);
    },
  };
}
