"use client";

import { useCallback, useEffect, useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { signMessage } from "wagmi/actions";
import { buildGateSignInMessage } from "../../lib/gate/sign-in-message";
import { openGateSession, requestGateSignIn, type GateSession } from "../../lib/indexer-client/gate";
import { describeTxError } from "../tx/describe-tx-error";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** The gate id an organizer session carries; it never scans, it only manages staff and sales. */
const ORGANIZER_GATE = "organizer";
/** Tells the other panels of the page that the session changed (sessionStorage fires no event in its own tab). */
const CHANGED = "fairgate:organizer-session";
const storageKey = (contract: string) => `fairgate.organizer-session.${contract.toLowerCase()}`;

function readStored(contract: string): GateSession | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(contract));
    const s = raw ? (JSON.parse(raw) as GateSession) : null;
    return s && s.role === "admin" && Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/**
 * The organizer's server session for one event: one SIWE signature by a wallet with the admin role
 * on the contract (the gate service checks the role on chain), kept for this tab so invites and
 * sales need no second signature. Survives a reload, not a closed tab.
 */
export function useOrganizerSession(contract: string) {
  const config = useConfig();
  const { indexerUrl } = useRuntimeConfig();
  const { address } = useConnection();
  const [session, setSession] = useState<GateSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () => setSession(readStored(contract));
    load();
    window.addEventListener(CHANGED, load);
    return () => window.removeEventListener(CHANGED, load);
  }, [contract]);

  const signIn = useCallback(async () => {
    if (!address) return;
    setBusy(true);
    setError(null);
    try {
      const challenge = await requestGateSignIn(indexerUrl, {
        contract,
        gateId: ORGANIZER_GATE,
        zone: 0,
        domain: window.location.host,
      });
      const message = buildGateSignInMessage(challenge, address);
      const opened = await openGateSession(indexerUrl, message, await signMessage(config, { message }));
      if (opened.role !== "admin")
        throw new Error(
          "This wallet may scan at the gates, but only the organizer's wallet can manage staff and sales.",
        );
      window.sessionStorage.setItem(storageKey(contract), JSON.stringify(opened));
      window.dispatchEvent(new Event(CHANGED));
    } catch (e) {
      setError((e as { shortMessage?: string }).shortMessage ?? describeTxError(e).message);
    } finally {
      setBusy(false);
    }
  }, [address, config, contract, indexerUrl]);

  /** Drop a session the server no longer accepts (expired or revoked), so the panel asks again. */
  const forget = useCallback(() => {
    window.sessionStorage.removeItem(storageKey(contract));
    window.dispatchEvent(new Event(CHANGED));
  }, [contract]);

  return { session, signIn, forget, busy, error };
}
