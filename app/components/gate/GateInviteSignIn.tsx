"use client";

import { useEffect, useState } from "react";
import { formatInviteCode } from "../../../lib/gate/invite-code";
import { redeemGateInvite, type GateSession } from "../../../lib/indexer-client/gate";
import { gateDevicePublicKey } from "../../gate/gate-device-key";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";

/**
 * Door staff without a gate wallet: the organizer hands out a one-time invite code per gate
 * (`POST /gate/invites`); typing it here opens a scanner session for that gate and zone.
 */
export function GateInviteSignIn({ onSession }: { onSession: (s: GateSession) => void }) {
  const { indexerUrl } = useRuntimeConfig();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  // Codes look like ABCD-EFGH-JKMN-PQRS; case, spaces and dashes do not matter (lib/gate/invite-code.ts).
  const normalised = formatInviteCode(code);
  // Opened from the organizer's invite QR (`/gate#invite=…`, a fragment no server sees): the code is filled in.
  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.hash.slice(1)).get("invite");
    if (fromLink) setCode(fromLink);
  }, []);

  const redeem = async () => {
    if (normalised === null) {
      setError({ code: "MALFORMED", message: "An invite code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS." });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSession(await redeemGateInvite(indexerUrl, normalised, await gateDevicePublicKey()));
    } catch (e) {
      const apiCode = (e as { apiCode?: string }).apiCode;
      const message =
        apiCode === "GATE_UNAUTHORIZED"
          ? "This invite code is unknown, already used, revoked or expired. Ask the organizer for a new one."
          : ((e as { shortMessage?: string }).shortMessage ?? (e as Error).message);
      setError({ code: apiCode ?? (e as { code?: string }).code ?? "UNKNOWN", message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel stack"
      data-testid="gate-invite"
      onSubmit={(e) => {
        e.preventDefault();
        void redeem();
      }}
    >
      <h2>Sign in with an invite code</h2>
      <label className="field">
        Invite code from the organizer
        <input
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="ABCD-EFGH-JKMN-PQRS"
          data-testid="gate-invite-code"
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <button type="submit" className="button" data-testid="gate-invite-submit" disabled={busy || code.trim() === ""}>
        {busy ? "Checking…" : "Open scanner"}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="gate-invite-error" data-error-code={error.code}>
          {error.message}
        </p>
      )}
    </form>
  );
}
