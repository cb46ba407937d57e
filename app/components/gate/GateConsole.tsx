"use client";

import { useCallback, useEffect, useState } from "react";
import { readGateSession, saveGateSession } from "../../gate/session-store";
import { useIsMounted } from "../../hooks/useIsMounted";
import { useOfflineGate } from "../../hooks/useOfflineGate";
import { useOnline } from "../../hooks/useOnline";
import { useVerdictHold } from "../../hooks/useVerdictHold";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { IndexerClientError } from "../../../lib/indexer-client/errors";
import { denyReasonText, type DenyReason } from "../../../lib/gate/reasons";
import { scanPass, type GateSession, type ScanVerdict as GateVerdict } from "../../../lib/indexer-client/gate";
import { WalletPanel } from "../WalletPanel";
import { CameraScanner } from "./CameraScanner";
import { GateInviteSignIn } from "./GateInviteSignIn";
import { GateSignIn } from "./GateSignIn";
import { VerdictScreen } from "./VerdictScreen";
import { GateEventTitle } from "./GateEventTitle";
import { verdictFeedback } from "../../gate/verdict-feedback";
import { gateRequestKey } from "../../gate/gate-device-key";

/**
 * After a verdict the camera is not read for this long (the same code may then be scanned again);
 * a steward's tap is never dropped (app/gate/verdict-hold.ts).
 */
const HOLD_MS = 2_500;

/**
 * The gate device: sign in (gate wallet or invite code), scan (camera or typed), big verdict,
 * counters, and an offline indicator. With no network (or no answer from the server) passes are
 * checked against the signed offline snapshot and the admissions uploaded when back online.
 */
export function GateConsole() {
  const mounted = useIsMounted();
  const online = useOnline();
  const { indexerUrl } = useRuntimeConfig();
  const [session, setSession] = useState<GateSession | null>(null);
  const [verdict, setVerdict] = useState<GateVerdict | null>(null);
  const [counts, setCounts] = useState({ admitted: 0, denied: 0 });
  const [unreachable, setUnreachable] = useState(false);
  const [camera, setCamera] = useState(false);
  const [manual, setManual] = useState("");

  const offlineGate = useOfflineGate(indexerUrl, session, online);

  useEffect(() => setSession(readGateSession(sessionStorage)), []);

  const check = useCallback(
    async (text: string) => {
      if (!session) return;
      const show = (result: GateVerdict) => {
        verdictFeedback(result.result);
        setVerdict(result);
        setCounts((c) =>
          result.result === "ADMIT" ? { ...c, admitted: c.admitted + 1 } : { ...c, denied: c.denied + 1 },
        );
      };
      const checkOffline = async () => {
        const local = await offlineGate.scanOffline(text.trim());
        show(
          local ?? {
            result: "DENY",
            reason: "OFFLINE",
            message:
              "The gate server cannot be reached and this scanner has no offline snapshot yet: this scan was not verified.",
          },
        );
      };
      try {
        // The browser knows it has no network: go straight to the snapshot, no 5 s timeout at the door.
        if (!navigator.onLine) return await checkOffline();
        const result = await scanPass(indexerUrl, session.token, text.trim(), undefined, {
          deviceKey: await gateRequestKey(),
        });
        setUnreachable(false);
        show(result);
        if (result.result === "ADMIT") offlineGate.noteOnlineAdmit(result.tokenId);
        if (result.reason === "GATE_UNAUTHORIZED") {
          saveGateSession(sessionStorage, null);
          setSession(null);
        }
      } catch (error) {
        if (error instanceof IndexerClientError && error.code === "INDEXER_UNREACHABLE") {
          setUnreachable(true);
          await checkOffline();
          return;
        }
        const answered = error instanceof IndexerClientError;
        const reason = answered ? (error.apiCode ?? error.code) : "OFFLINE";
        const message = answered ? error.shortMessage : "This scan was not verified. Check the connection.";
        show({ result: "DENY", reason, message });
      }
    },
    [indexerUrl, offlineGate, session],
  );
  const { submit: scan, busy, queued: queuedTap } = useVerdictHold(check, HOLD_MS);

  if (!mounted) return <p className="muted">Loading…</p>;
  const offline = !online || unreachable;

  return (
    <div className="stack gate-console" data-testid="gate-console">
      <div
        className={`offline-badge ${offline ? "offline" : "online"}`}
        data-testid="connectivity"
        data-online={String(!offline)}
        data-offline-ready={String(offlineGate.ready)}
        data-queued={offlineGate.queued}
        role="status"
      >
        {offline
          ? offlineGate.ready
            ? `Offline: checking passes against the snapshot from ${new Date(offlineGate.snapshotAt!).toLocaleTimeString()}`
            : "Offline: scans cannot be verified (no offline snapshot yet)"
          : session
            ? `Online${offlineGate.ready ? " · offline fallback ready" : ""}`
            : "Online"}
        {offlineGate.queued > 0 && (
          <span data-testid="offline-queued">
            {" "}
            · {offlineGate.queued} offline admission{offlineGate.queued === 1 ? "" : "s"} to upload
          </span>
        )}
      </div>
      {offlineGate.error && session && (
        <p className="notice small" data-testid="offline-error">
          {offlineGate.error}
        </p>
      )}
      {offlineGate.conflicts.length > 0 && (
        <div className="notice" role="alert" data-testid="offline-conflicts">
          Admitted offline but not recorded as a check-in (reported to the organizer):
          <ul className="list-plain">
            {offlineGate.conflicts.map((c) => (
              <li key={`${c.tokenId}-${c.admittedAt}`}>
                Ticket #{c.tokenId}:{" "}
                {c.firstGateId && c.firstAt
                  ? `first at ${c.firstGateId}, ${new Date(c.firstAt).toLocaleTimeString()}`
                  : (denyReasonText[c.reason as DenyReason] ?? c.reason ?? "refused")}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!session ? (
        <>
          <WalletPanel />
          <GateSignIn
            onSession={(s) => {
              saveGateSession(sessionStorage, s);
              setSession(s);
            }}
          />
          <GateInviteSignIn
            onSession={(s) => {
              saveGateSession(sessionStorage, s);
              setSession(s);
            }}
          />
        </>
      ) : (
        <>
          <GateEventTitle session={session} />
          <div className="row small" data-testid="gate-session" data-gate={session.gateId}>
            Signed in until {new Date(session.expiresAt).toLocaleTimeString()}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                saveGateSession(sessionStorage, null);
                setSession(null);
              }}
            >
              Sign out
            </button>
          </div>
          <VerdictScreen verdict={verdict} />
          <div
            className="row counters"
            data-testid="counters"
            data-admitted={counts.admitted}
            data-denied={counts.denied}
          >
            <span>
              Admitted <strong>{counts.admitted}</strong>
            </span>
            <span>
              Denied <strong>{counts.denied}</strong>
            </span>
          </div>
          {camera ? (
            <CameraScanner onCode={(text) => scan(text, "camera")} paused={busy} />
          ) : (
            <button type="button" className="button" data-testid="start-camera" onClick={() => setCamera(true)}>
              Start camera
            </button>
          )}
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              // Cleared at once: the next code goes into an empty field, even while this one is checked.
              setManual("");
              scan(manual, "tap");
            }}
          >
            <label className="field" style={{ flex: 1 }}>
              Manual entry: type or paste the pass code
              <input value={manual} data-testid="manual-pass" onChange={(e) => setManual(e.target.value)} />
            </label>
            <button
              type="submit"
              className="button secondary"
              data-testid="manual-submit"
              disabled={manual.trim() === ""}
            >
              Check
            </button>
            {queuedTap && (
              <span className="small muted" data-testid="scan-queued" role="status">
                Next code queued
              </span>
            )}
          </form>
        </>
      )}
    </div>
  );
}
