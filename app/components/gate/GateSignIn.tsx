"use client";

import { useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { signMessage } from "wagmi/actions";
import { buildGateSignInMessage } from "../../../lib/gate/sign-in-message";
import { useEvents } from "../../hooks/useEvents";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { openGateSession, requestGateSignIn, type GateSession } from "../../../lib/indexer-client/gate";
import { describeTxError } from "../../tx/describe-tx-error";
import { ErrorState, Loading } from "../QueryStates";

/** Staff sign in with a wallet holding the gate (or organizer) role on the event. */
export function GateSignIn({ onSession }: { onSession: (s: GateSession) => void }) {
  const config = useConfig();
  const { indexerUrl } = useRuntimeConfig();
  const { address, status } = useConnection();
  const events = useEvents({ live: false });
  const [contract, setContract] = useState("");
  const [gateId, setGateId] = useState("north-1");
  const [zone, setZone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (events.isPending) return <Loading testId="gate-events-loading">Loading events…</Loading>;
  if (events.isError)
    return <ErrorState error={events.error} retry={() => void events.refetch()} testId="gate-events-error" />;
  const chosen = contract || events.data.events[0]?.address || "";

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const challenge = await requestGateSignIn(indexerUrl, {
        contract: chosen,
        gateId,
        zone,
        domain: window.location.host,
      });
      const message = buildGateSignInMessage(challenge, address!);
      const signature = await signMessage(config, { message });
      onSession(await openGateSession(indexerUrl, message, signature));
    } catch (e) {
      setError((e as { shortMessage?: string }).shortMessage ?? describeTxError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" data-testid="gate-sign-in">
      <h2>Sign in as gate staff</h2>
      <label className="field">
        Event
        <select value={chosen} data-testid="gate-event" onChange={(e) => setContract(e.target.value)}>
          {events.data.events.map((e) => (
            <option key={e.address} value={e.address}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <div className="form-grid">
        <label className="field">
          Gate name
          <input value={gateId} data-testid="gate-id" onChange={(e) => setGateId(e.target.value)} />
        </label>
        <label className="field">
          Zone (0 general, 1 VIP, 2 backstage)
          <input
            type="number"
            min={0}
            max={31}
            value={zone}
            data-testid="gate-zone"
            onChange={(e) => setZone(Math.max(0, Math.min(31, Number(e.target.value) || 0)))}
          />
        </label>
      </div>
      <button
        type="button"
        className="button"
        data-testid="gate-sign-in-submit"
        disabled={status !== "connected" || busy || !chosen}
        onClick={() => void signIn()}
      >
        {busy ? "Confirm in your wallet…" : "Sign in with gate wallet"}
      </button>
      {status !== "connected" && (
        <p className="muted small">Connect the gate wallet first (it needs the gate or organizer role on the event).</p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="gate-sign-in-error">
          {error}
        </p>
      )}
    </section>
  );
}
