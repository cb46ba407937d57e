"use client";

import { useChains } from "wagmi";
import { useIndexerHealth } from "../hooks/useIndexerHealth";
import { useIsMounted } from "../hooks/useIsMounted";
import { useOnline } from "../hooks/useOnline";
import type { Health } from "../../lib/indexer-client/schemas";
import { useLive } from "../live/LiveUpdates";

function syncText(health: Health): string {
  const parts: string[] = [];
  if (health.indexedBlock !== null) parts.push(`block ${health.indexedBlock}`);
  if (health.lagBlocks !== null) {
    const seconds = health.lagMs !== null ? `, ${Math.round(health.lagMs / 1000)} s` : "";
    parts.push(`lag ${health.lagBlocks} block${health.lagBlocks === 1 ? "" : "s"}${seconds}`);
  }
  return parts.length > 0 ? parts.join(" · ") : "answering";
}

/** A one-line footer: which chain, and how far the indexer has synced (never green while the device is offline). */
export function IndexerStatus() {
  const mounted = useIsMounted();
  const health = useIndexerHealth();
  const online = useOnline();
  const { live } = useLive();
  const [chain] = useChains();

  let state: "checking" | "ok" | "degraded" | "down";
  let text: string;
  if (mounted && !online) {
    // Queries pause offline and keep their last answer: a green dot would claim a server nobody can reach.
    state = "down";
    text = "Indexer: no network";
  } else if (!mounted || health.isPending) {
    state = "checking";
    text = "Indexer: checking…";
  } else if (health.isError) {
    state = "down";
    text = "Indexer: unreachable";
  } else {
    state = health.data.ok ? "ok" : "degraded";
    text = `Indexer: ${syncText(health.data)}${health.data.ok ? "" : " (not healthy)"}`;
  }

  return (
    <footer className="status" data-testid="indexer-status" data-state={state} data-live={String(mounted && live)}>
      <span className={`dot ${state}`} aria-hidden="true" />
      <span>{text}</span>
      <span
        className="muted"
        data-testid="live-indicator"
        title="Pages refresh by themselves when the indexer sees a change"
      >
        {mounted && live ? "Live" : "Polling"}
      </span>
      {chain && <span className="muted">Chain {chain.id}</span>}
    </footer>
  );
}
