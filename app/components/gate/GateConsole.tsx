"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { readGateSession, saveGateSession } from "../../gate/session-store";
import { useIsMounted } from "../../hooks/useIsMounted";
import { useOnline } from "../../hooks/useOnline";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { IndexerClientError } from "../../../lib/indexer-client/errors";
import { scanPass, type GateSession, type ScanVerdict as GateVerdict } from "../../../lib/indexer-client/gate";
import { WalletPanel } from "../WalletPanel";
import { CameraScanner } from "./CameraScanner";
import { GateSignIn } from "./GateSignIn";
import { VerdictScreen } from "./VerdictScreen";

/** A verdict stays on screen this long before the next scan (the same code may then be scanned again). */
const HOLD_MS = 2_500;

/** The gate device: sign in, scan (camera or typed), big verdict, counters, offline indicator. */
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
  const [busy, setBusy] = useState(false);
  const holdUntil = useRef(0);

  useEffect(() => setSession(readGateSession(sessionStorage)), []);

  const scan = useCallback(
    async (text: string) => {
      if (!session || busy || Date.now() < holdUntil.current) return;
      setBusy(true);
      try {
        const result = await scanPass(indexerUrl, session.token, text.trim());
        setUnreachable(false);
        setVerdict(result);
        setCounts((c) => (result.result === "ADMIT" ? { ...c, admitted: c.admitted + 1 } : { ...c, denied: c.denied + 1 }));
        if (result.reason === "GATE_UNAUTHORIZED") {
          saveGateSession(sessionStorage, null);
          setSession(null);
        }
      } catch (error) {
        if (error instanceof IndexerClientError && error.code === "INDEXER_UNREACHABLE") setUnreachable(true);
        const answered = error instanceof IndexerClientError && error.code !== "INDEXER_UNREACHABLE";
        const reason = answered ? (error.apiCode ?? error.code) : "OFFLINE";
        const message = answered ? error.shortMessage : "The gate server cannot be reached: this scan was not verified. Check the connection.";
        setVerdict({ result: "DENY", reason, message });
      } finally {
        holdUntil.current = Date.now() + HOLD_MS;
        setBusy(false);
      }
    },
    [busy, indexerUrl, session],
  );

  if (!mounted) return <p className="muted">Loading…</p>;
  const offline = !online || unreachable;

  return (
    <div className="stack gate-console" data-testid="gate-console">
      <div className={`offline-badge ${offline ? "offline" : "online"}`} data-testid="connectivity" data-online={String(!offline)}>
        {offline ? "Offline: scans cannot be verified" : "Online"}
      </div>
      {!session ? (
        <>
          <WalletPanel />
          <GateSignIn
            onSession={(s) => {
              saveGateSession(sessionStorage, s);
              setSession(s);
            }}
          />
        </>
      ) : (
        <>
          <div className="row small" data-testid="gate-session" data-gate={session.gateId}>
            Gate <strong>{session.gateId}</strong> · zone {session.zone} · until {new Date(session.expiresAt).toLocaleTimeString()}
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
          <div className="row counters" data-testid="counters" data-admitted={counts.admitted} data-denied={counts.denied}>
            <span>
              Admitted <strong>{counts.admitted}</strong>
            </span>
            <span>
              Denied <strong>{counts.denied}</strong>
            </span>
          </div>
          {camera ? (
            <CameraScanner onCode={(text) => void scan(text)} paused={busy} />
          ) : (
            <button type="button" className="button" data-testid="start-camera" onClick={() => setCamera(true)}>
              Start camera
            </button>
          )}
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              holdUntil.current = 0;
              void scan(manual);
            }}
          >
            <label className="field" style={{ flex: 1 }}>
              Manual entry: type or paste the pass code
              <input value={manual} data-testid="manual-pass" onChange={(e) => setManual(e.target.value)} />
            </label>
            <button type="submit" className="button secondary" data-testid="manual-submit" disabled={busy || manual.trim() === ""}>
              Check
            </button>
          </form>
        </>
      )}
    </div>
  );
}
