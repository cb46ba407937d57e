/**
 * Open Server-Sent Event streams of one route, counted per client and in total: one client
 * cannot take every stream (it gets TOO_MANY_STREAMS while others still connect), and the process
 * never holds more than its global cap (BUSY). A slot is taken before the stream starts, so a
 * burst of connections cannot slip past the count, and given back exactly once when it ends.
 */
export type StreamLimits = { perClient: number; global: number };

export type SlotRefusal = { code: "TOO_MANY_STREAMS" | "BUSY"; message: string };

export type StreamSlots = {
  /** A release function, or why not. */
  take(client: string): (() => void) | SlotRefusal;
  open(): number;
};

export function createStreamSlots(limits: StreamLimits, what: string): StreamSlots {
  let total = 0;
  const byClient = new Map<string, number>();
  return {
    take(client) {
      const mine = byClient.get(client) ?? 0;
      if (mine >= limits.perClient)
        return {
          code: "TOO_MANY_STREAMS",
          message: `at most ${limits.perClient} open ${what} streams per client; close one first`,
        };
      if (total >= limits.global)
        return { code: "BUSY", message: `too many open ${what} streams on this server; poll instead` };
      total++;
      byClient.set(client, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (byClient.get(client) ?? 1) - 1;
        if (left <= 0) byClient.delete(client);
        else byClient.set(client, left);
      };
    },
    open: () => total,
  };
}
