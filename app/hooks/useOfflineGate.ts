"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  fetchOfflineSnapshot,
  reconcileOffline,
  RECONCILE_BATCH,
  type GateSession,
  type ReconcileResult,
  type ScanVerdict,
} from "../../lib/indexer-client/gate";
import { createOfflineGate, verifySnapshot, type OfflineGate } from "../../lib/offline";
import { decodePass } from "../../lib/pass";
import { readOfflineState, saveOfflineState, type OfflineState } from "../gate/offline-store";
import { gateRequestKey } from "../gate/gate-device-key";

/** How often a scanner refreshes its snapshot while online, so it stays close to the chain. */
export const SNAPSHOT_REFRESH_MS = 60_000;

export type OfflineGateView = {
  /** A verified snapshot is loaded: offline scans are possible. */
  ready: boolean;
  snapshotAt: number | null;
  /** Admissions made offline, not yet accepted by the server. */
  queued: number;
  /** Tickets the server reported as admitted elsewhere first (never silently dropped). */
  conflicts: ReconcileResult["conflicts"];
  error: string | null;
};

/**
 * The scanner's offline fallback (lib/offline): while online it downloads the signed snapshot
 * for its session, pins the service's key on first use and refuses snapshots signed by any
 * other; offline it verifies passes locally and queues admissions (kept in localStorage); back
 * online it hands them in (`/gate/offline/reconcile`) and shows any conflicts.
 */
export function useOfflineGate(indexerUrl: string, session: GateSession | null, online: boolean) {
  const gate = useRef<OfflineGate | null>(null);
  const saved = useRef<OfflineState | null>(null);
  // Tickets this scanner admitted online since the snapshot: never admit them again offline.
  const admittedOnline = useRef(new Set<string>());
  const [view, setView] = useState<OfflineGateView>({
    ready: false,
    snapshotAt: null,
    queued: 0,
    conflicts: [],
    error: null,
  });
  const reconciling = useRef(false);

  const persist = useCallback(() => {
    if (!session || !saved.current) return;
    saved.current = { ...saved.current, queue: gate.current?.queued() ?? saved.current.queue };
    const ok = saveOfflineState(localStorage, session.contract, session.gateId, saved.current);
    setView((v) => ({
      ...v,
      queued: saved.current!.queue.length,
      ...(ok
        ? {}
        : { error: "This browser's storage is full: offline admissions are kept only until the tab closes." }),
    }));
  }, [session]);

  const load = useCallback(async (state: OfflineState) => {
    const snapshot = await verifySnapshot(state.signed, state.pinnedKey);
    gate.current = createOfflineGate(snapshot, state.queue);
    saved.current = state;
    setView((v) => ({ ...v, ready: true, snapshotAt: state.fetchedAt, queued: state.queue.length, error: null }));
  }, []);

  const refresh = useCallback(async () => {
    if (!session) return;
    try {
      const signed = await fetchOfflineSnapshot(indexerUrl, session.token, { deviceKey: await gateRequestKey() });
      const pinnedKey =
        saved.current?.pinnedKey ??
        readOfflineState(localStorage, session.contract, session.gateId)?.pinnedKey ??
        signed.publicKey;
      await load({
        pinnedKey,
        signed,
        fetchedAt: Date.now(),
        queue: gate.current?.queued() ?? saved.current?.queue ?? [],
      });
      admittedOnline.current.clear();
      persist();
    } catch (error) {
      setView((v) => ({
        ...v,
        error: `Offline snapshot not refreshed: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`,
      }));
    }
  }, [indexerUrl, load, persist, session]);

  const reconcile = useCallback(async () => {
    if (!session || !gate.current || reconciling.current) return;
    reconciling.current = true;
    try {
      for (let round = 0; round < 50; round++) {
        const batch = gate.current.queued().slice(0, RECONCILE_BATCH);
        if (batch.length === 0) break;
        const result = await reconcileOffline(indexerUrl, session.token, batch, { deviceKey: await gateRequestKey() });
        gate.current.reconciled([...result.accepted, ...result.duplicates, ...result.conflicts.map((c) => c.tokenId)]);
        persist();
        if (result.conflicts.length > 0) setView((v) => ({ ...v, conflicts: [...v.conflicts, ...result.conflicts] }));
      }
    } catch (error) {
      setView((v) => ({
        ...v,
        error: `Offline admissions not uploaded yet: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`,
      }));
    } finally {
      reconciling.current = false;
    }
  }, [indexerUrl, persist, session]);

  // A new session: start from what this browser kept for it (a reload while offline still scans).
  useEffect(() => {
    gate.current = null;
    saved.current = null;
    admittedOnline.current.clear();
    setView({ ready: false, snapshotAt: null, queued: 0, conflicts: [], error: null });
    if (!session) return;
    const kept = readOfflineState(localStorage, session.contract, session.gateId);
    if (kept)
      load(kept).catch((error: unknown) =>
        setView((v) => ({ ...v, error: `Kept snapshot refused: ${(error as Error).message}` })),
      );
  }, [load, session]);

  // Online: reconcile first (so the new snapshot counts those admissions), then refresh now and every minute.
  useEffect(() => {
    if (!session || !online) return;
    let live = true;
    const tick = async () => {
      await reconcile();
      if (live) await refresh();
    };
    void tick();
    const timer = setInterval(() => void tick(), SNAPSHOT_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [online, reconcile, refresh, session]);

  /** Verifies a pass against the snapshot, with no network. */
  const scanOffline = useCallback(
    async (text: string): Promise<ScanVerdict | null> => {
      if (!gate.current) return null;
      try {
        const tokenId = decodePass(text).tokenId.toString();
        if (admittedOnline.current.has(tokenId))
          return {
            result: "DENY",
            reason: "ALREADY_CHECKED_IN",
            message: "ticket was admitted before",
            tokenId,
            offline: true,
          };
      } catch {
        // Undecodable: the offline gate answers with the right reason code.
      }
      const verdict = await gate.current.verify(text);
      if (verdict.result === "ADMIT") persist();
      return { ...verdict, offline: true };
    },
    [persist],
  );

  /** Tells the offline fallback about an online ADMIT, so that ticket is not admitted again offline. */
  const noteOnlineAdmit = useCallback((tokenId: string | undefined) => {
    if (tokenId) admittedOnline.current.add(tokenId);
  }, []);

  return { ...view, scanOffline, noteOnlineAdmit, reconcile };
}
