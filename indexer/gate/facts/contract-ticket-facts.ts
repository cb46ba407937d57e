/**
 * TicketFacts read from the EventTicket contract. Tier zones never change after mint, so they are
 * cached for good, like a voucher's identity commitment; the cancelled flag only for `cancelTtlMs`.
 * A binding (`IdentityBound`) replaces the commitment, so `identityRule` reads bound state fresh
 * and hands the bound commitment over; a tier's deadline is fixed once it has tickets (cached).
 */
import { zeroHash, type Address, type Hex, type PublicClient } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { NO_IDENTITY_RULE, TicketFactsUnavailableError, type TicketFacts } from "./ticket-facts";

/** Bound on cached tickets: beyond it the oldest entries go (one extra RPC read each if they come back). */
const MAX_CACHED = 200_000;

export function contractTicketFacts(
  client: PublicClient,
  opts: { cancelTtlMs?: number; now?: () => number } = {},
): TicketFacts {
  const cancelTtlMs = opts.cancelTtlMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const zoneCache = new Map<string, Promise<number>>();
  const identityCache = new Map<string, Promise<Hex | null>>();
  const cancelCache = new Map<string, { at: number; value: Promise<boolean> }>();
  const deadlineCache = new Map<string, Promise<{ words: bigint; start: bigint }>>();

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
        read("zonesOf", () =>
          client.readContract({ address: contract, abi: eventTicketAbi, functionName: "zonesOf", args: [tokenId] }),
        ).then(Number),
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
    async identityRule(contract, tokenId) {
      const words = remember(deadlineCache, contract.toLowerCase(), async () => {
        const [w, start] = await Promise.all([
          read("identityDeadlines", () =>
            client.readContract({ address: contract, abi: eventTicketAbi, functionName: "identityDeadlines" }),
          ),
          read("startTime", () =>
            client.readContract({ address: contract, abi: eventTicketAbi, functionName: "startTime" }),
          ),
        ]);
        return { words: w, start };
      });
      const { words: w, start } = await words;
      if (w === 0n) return NO_IDENTITY_RULE;
      const tier = await read("tierOf", () =>
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "tierOf", args: [tokenId] }),
      );
      const secs = (w >> BigInt(32 * tier)) & 0xffff_ffffn;
      if (secs === 0n) return NO_IDENTITY_RULE;
      const deadline = Number(secs >= start ? 1n : start - secs);
      const bound = await read("isBound", () =>
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "isBound", args: [tokenId] }),
      );
      if (!bound) return { deadline, bound, boundCommitment: null };
      const c = await read("identityOf", () =>
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "identityOf", args: [tokenId] }),
      );
      return { deadline, bound, boundCommitment: c };
    },
    cancelled(contract: Address) {
      const key = contract.toLowerCase();
      const hit = cancelCache.get(key);
      if (hit && now() - hit.at < cancelTtlMs) return hit.value;
      const value = read("cancelled", () =>
        client.readContract({ address: contract, abi: eventTicketAbi, functionName: "cancelled" }),
      );
      cancelCache.set(key, { at: now(), value });
      value.catch(() => cancelCache.delete(key));
      return value;
    },
  };
}
