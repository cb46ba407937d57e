/**
 * TicketFacts read from the EventTicket contract. Tier zones and identity commitments never
 * change after mint, so they are cached for good; the cancelled flag only for `cancelTtlMs`.
 */
import { zeroHash, type Address, type Hex, type PublicClient } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { TicketFactsUnavailableError, type TicketFacts } from "./ticket-facts";

/** Bound on cached tickets: beyond it the oldest entries go (one extra RPC read each if they come back). */
const MAX_CACHED = 200_000;

export function contractTicketFacts(client: PublicClient, opts: { cancelTtlMs?: number; now?: () => number } = {}): TicketFacts {
  const cancelTtlMs = opts.cancelTtlMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const zoneCache = new Map<string, Promise<number>>();
  const identityCache = new Map<string, Promise<Hex | null>>();
  const cancelCache = new Map<string, { at: number; value: Promise<boolean> }>();

  async function read<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new TicketFactsUnavailableError(`could not read ${what}: ${(err as Error).message.split("\n")[0]}`);
    }
  }

  function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    // A failed read is not remembered: the next scan asks again.
    const p = load().catch((err: unknown) => {
      cache.delete(key);
      throw err;
    });
    cache.set(key, p);
    return p;
  }

  return {
    zones(contract, tokenId) {
      return remember(zoneCache, `${contract.toLowerCase()}:${tokenId}`, () =>
        read("zonesOf", () => client.readContract({ address: contract, abi: eventTicketAbi, functionName: "zonesOf", args: [tokenId] })).then(Number),
      );
    },
    identityCommitment(contract, tokenId) {
      return remember(identityCache, `${contract.toLowerCase()}:${tokenId}`, async () => {
        const v = await read("identityOf", () =>
          client.readContract({ address: contract, abi: eventTicketAbi, functionName: "identityOf", args: [tokenId] }),
        );
        return v === zeroHash ? null : v;
      });
    },
    cancelled(contract: Address) {
      const key = contract.toLowerCase();
      const hit = cancelCache.get(key);
      if (hit && now() - hit.at < cancelTtlMs) return hit.value;
      const value = read("cancelled", () => client.readContract({ address: contract, abi: eventTicketAbi, functionName: "cancelled" }));
      cancelCache.set(key, { at: now(), value });
      value.catch(() => cancelCache.delete(key));
      return value;
    },
  };
}
