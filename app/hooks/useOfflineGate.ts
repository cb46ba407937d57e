"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  fetchOfflineDelta,
  fetchOfflineSnapshot,
  reconcileOffline,
  RECONCILE_BATCH,
  type GateSession,
  type ReconcileResult,
  type ScanVerdict,
} from "../../lib/indexer-client/gate";
import {
  createOfflineGate,
  mergeDelta,
  verifyDelta,
  verifySnapshot,
  type OfflineGate,
  type Snapshot,
} from "../../lib/offline";
import { decodePass } from "../../lib/pass";
import { readOfflineState, saveOfflineState, type OfflineState } from "../gate/offline-store";
import { gateRequestKey } from "../gate/gate-device-key";

/**
 * While the browser has a network the scanner asks for the changes since its snapshot this often, and
 * at once on reconnect: a phone set up a minute ago is on the list even if the server then stops
 * answering scans. Deltas grow with the snapshot's age, so a full snapshot is fetched every 10 minutes.
 */
export const DELTA_REFRESH_MS = 15_000;
export const SNAPSHOT_REFRESH_MS = 10 * 60_000;

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
 * for its session and keeps it current with signed deltas, pins the service's key on first use and
 * refuses snapshots or deltas signed by any other; offline it verifies passes locally and queues admissions (kept in localStorage); back
 * online it hands them in (`/gate/offline/reconcile`) and shows any conflicts.
 */
export function useOfflineGate(indexerUrl: string, session: GateSession | null, online: boolean) {
  const gate = useRef<OfflineGate | null>(null);
  const saved = useRef<OfflineState | null>(null);
  // The verified snapshot itself: deltas are asked from its cursor.
  const base = useRef<Snapshot | null>(null);
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

  const load = useCallback(async (given: OfflineState) => {
    let state = given;
    const snapshot = await verifySnapshot(state.signed, state.pinnedKey);
    let current = snapshot;
    if (state.delta) {
      try {
        current = mergeDelta(snapshot, await verifyDelta(state.delta, state.pinnedKey));
      } catch {
        // A delta the pinned key did not sign, or that does not fit this snapshot, is dropped; the snapshot stands.
        state = { ...state, delta: undefined };
      }
    }
    base.current = snapshot;
    gate.current = createOfflineGate(current, state.queue);
    saved.current = state;
    setView((v) => ({ ...v, ready: true, snapshotAt: current.issuedAt, queued: state.queue.length, error: null }));
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
        delta: undefined,
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

  /** The changes since the snapshot, signed like it; false when there is nothing to ask from or no answer. */
  const refreshDelta = useCallback(async (): Promise<boolean> => {
    const snapshot = base.current;
    const state = saved.current;
    if (!session || !snapshot || !state || snapshot.block === undefined) return false;
    try {
      const delta = await fetchOfflineDelta(
        indexerUrl,
        session.token,
        { block: snapshot.block, at: snapshot.issuedAt },
        { deviceKey: await gateRequestKey() },
      );
      await load({ ...state, delta, queue: gate.current?.queued() ?? state.queue });
      persist();
      // Dropped by load: it does not fit the kept snapshot (another zone, a gap): take a full one.
      if (saved.current?.delta === undefined) await refresh();
      return true;
    } catch (error) {
      setView((v) => ({
        ...v,
        error: `Offline list not updated: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`,
      }));
      return false;
    }
  }, [indexerUrl, load, persist, refresh, session]);

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
    base.current = null;
    admittedOnline.current.clear();
    setView({ ready: false, snapshotAt: null, queued: 0, conflicts: [], error: null });
    if (!session) return;
    const kept = readOfflineState(localStorage, session.contract, session.gateId);
    if (kept)
      load(kept).catch((error: unknown) =>
        setView((v) => ({ ...v, error: `Kept snapshot refused: ${(error as Error).message}` })),
      );
  }, [load, session]);

  // With a network: reconcile first (so the list counts those admissions), then a delta, or a full snapshot when
  // there is none yet or it is old; now (a reconnect re-runs this) and every DELTA_REFRESH_MS.
  useEffect(() => {
    if (!session || !online) return;
    let live = true;
    let ticking = false;
    const tick = async () => {
      if (ticking) return;
      ticking = true;
      try {
        await reconcile();
        if (!live) return;
        const fetchedAt = saved.current?.fetchedAt ?? 0;
        const full = base.current?.block === undefined || Date.now() - fetchedAt >= SNAPSHOT_REFRESH_MS;
        if (full) await refresh();
        else await refreshDelta();
      } finally {
        ticking = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), DELTA_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [online, reconcile, refresh, refreshDelta, session]);

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
