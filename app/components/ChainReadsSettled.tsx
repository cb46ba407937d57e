"use client";

import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { CHAIN_ROOT } from "../queries/query-keys";

/**
 * A hidden marker: `data-settled="true"` once every chain read the page has made so far has an
 * answer and none is in flight. Render it after the views that read the chain (React renders in
 * tree order, so a view's new query is in the cache before this looks), and browser tests can wait
 * on it instead of on time, e.g. to count a refresh's RPC calls.
 */
export function ChainReadsSettled() {
  const fetching = useIsFetching({ queryKey: [CHAIN_ROOT] });
  const queries = useQueryClient()
    .getQueryCache()
    .findAll({ queryKey: [CHAIN_ROOT] });
  // A query made in this render has no observer yet, so "pending" (not "active") is the test; a
  // disabled chain query would keep the marker false, and the pages that render it have none.
  const settled = fetching === 0 && queries.every((q) => q.state.status !== "pending");
  return <span hidden data-testid="chain-reads-settled" data-settled={String(settled)} data-queries={queries.length} />;
}
