import type { QueryClient } from "@tanstack/react-query";
import { CHAIN_ROOT, INDEXER_ROOT } from "../queries/query-keys";

/** Query-key roots an indexer change can make stale (see the hooks in app/hooks and app/queries/query-keys.ts). */
const INDEXER_ROOTS = new Set(["tickets", "events", "check", INDEXER_ROOT]);

/**
 * Refetches what the page read from the indexer (never the chain views): once when the change
 * stream first connects, since a change the indexer applied between the page's first fetch and
 * the stream's start is never sent; and on a gate admission, which the chain does not know yet.
 */
export function invalidateIndexerViews(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: ({ queryKey }) => typeof queryKey[0] === "string" && INDEXER_ROOTS.has(queryKey[0]),
  });
}

/**
 * Invalidates the queries one batch of indexer changes can affect: every ticket and event list,
 * and the chain-backed views of the contracts that changed (all of them after a rollback, or
 * when a view's key names no contract). Only mounted queries refetch; the rest refetch on use.
 *
 * @example
 * await invalidateOnChange(queryClient, { contracts: ["0x5fbd…0aa3"], rollback: false });
 */
export function invalidateOnChange(
  queryClient: QueryClient,
  change: { contracts: readonly string[]; rollback: boolean },
): Promise<void> {
  const changed = new Set(change.contracts.map((c) => c.toLowerCase()));
  return queryClient.invalidateQueries({
    predicate: ({ queryKey }) => {
      const root = queryKey[0];
      if (typeof root === "string" && INDEXER_ROOTS.has(root)) return true;
      if (root !== CHAIN_ROOT) return false;
      if (change.rollback) return true;
      const named = queryKey.filter(
        (part): part is string => typeof part === "string" && /^0x[0-9a-fA-F]{40}$/.test(part),
      );
      return named.length === 0 || named.some((a) => changed.has(a.toLowerCase()));
    },
  });
}
