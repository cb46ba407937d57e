"use client";

import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventView } from "../../chain-reads/read-event";
import { ZONE_NAMES } from "../../format/ticket-words";
import { useOrganizerSession } from "../../hooks/useOrganizerSession";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import {
  createGateInvite,
  endGateSession,
  listGateInvites,
  listGateSessions,
  revokeGateInvite,
  type GateInvite,
} from "../../../lib/indexer-client/gate";
import { Empty, ErrorState, Loading } from "../QueryStates";
import { OrganizerSignIn } from "./OrganizerSignIn";
import { InviteCodeCard } from "./InviteCodeCard";

const STATUS_WORDS = {
  open: "Not used yet",
  redeemed: "In use on a scanner",
  revoked: "Revoked",
  expired: "Expired",
} as const;
const SESSION_WORDS = { active: "Signed in", revoked: "Ended", expired: "Expired" } as const;
const shortStaff = (staff: string) =>
  staff.startsWith("invite:") ? "Invite code" : `${staff.slice(0, 6)}…${staff.slice(-4)}`;
const isAuthError = (e: unknown) => (e as { apiCode?: string }).apiCode === "GATE_UNAUTHORIZED";

/**
 * Door staff without a crypto wallet: the organizer issues a one-time code per gate (shown once,
 * the server keeps only its hash), sees which codes are in use, and revokes one, which also ends
 * the scanner session it became. Below, every signed-in scanner (wallet or invite), each of which
 * the organizer can end at once (a lost phone, staff gone home).
 */
export function DoorStaffPanel({ event }: { event: EventView }) {
  const { indexerUrl } = useRuntimeConfig();
  const org = useOrganizerSession(event.address);
  const queryClient = useQueryClient();
  const [gateId, setGateId] = useState("north-1");
  const [zone, setZone] = useState(0);
  const [hours, setHours] = useState(24);
  const [issued, setIssued] = useState<GateInvite | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const token = org.session?.token;
  const invites = useQuery({
    queryKey: ["gate-invites", event.address, token],
    queryFn: () => listGateInvites(indexerUrl, token!),
    enabled: !!token,
    refetchInterval: 10_000,
  });
  const sessions = useQuery({
    queryKey: ["gate-invites", event.address, token, "sessions"],
    queryFn: () => listGateSessions(indexerUrl, token!),
    enabled: !!token,
    refetchInterval: 10_000,
  });
  const expired = invites.isError && isAuthError(invites.error);
  const { forget } = org;
  // A session the server dropped (expired, or the indexer's data reset): ask for a new signature.
  useEffect(() => {
    if (expired) forget();
  }, [expired, forget]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ["gate-invites", event.address] });
    } catch (e) {
      if (isAuthError(e)) org.forget();
      setError((e as { shortMessage?: string }).shortMessage ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" data-testid="door-staff">
      <h2>Door staff</h2>
      {!token ? (
        <OrganizerSignIn {...org} what="issue invite codes to door staff" testId="organizer-sign-in" />
      ) : (
        <>
          <p className="muted small">
            Staff type the code on the gate page of their phone; it works once, for one gate and zone.
          </p>
          <div className="form-grid">
            <label className="field">
              Gate name
              <input
                value={gateId}
                maxLength={64}
                data-testid="invite-gate"
                onChange={(e) => setGateId(e.target.value)}
              />
            </label>
            <label className="field">
              Zone
              <select value={zone} data-testid="invite-zone" onChange={(e) => setZone(Number(e.target.value))}>
                {ZONE_NAMES.map((name, i) => (
                  <option key={name} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Valid for (hours)
              <input
                type="number"
                min={1}
                max={720}
                value={hours}
                data-testid="invite-hours"
                onChange={(e) => setHours(Math.max(1, Math.min(720, Number(e.target.value) || 1)))}
              />
            </label>
          </div>
          <button
            type="button"
            className="button"
            data-testid="invite-issue"
            disabled={busy || gateId.trim() === ""}
            onClick={() =>
              void run(async () =>
                setIssued(
                  await createGateInvite(indexerUrl, token, { gateId: gateId.trim(), zone, ttlSeconds: hours * 3600 }),
                ),
              )
            }
          >
            Issue invite code
          </button>
          {issued && <InviteCodeCard gateId={issued.gateId} code={issued.code} />}
          {error && (
            <p className="error" role="alert" data-testid="invite-error">
              {error}
            </p>
          )}
          {invites.isPending ? (
            <Loading testId="invites-loading">Loading invites…</Loading>
          ) : invites.isError ? (
            <ErrorState error={invites.error} retry={() => void invites.refetch()} testId="invites-error" />
          ) : invites.data.invites.length === 0 ? (
            <Empty testId="invites-empty">No invite codes issued yet.</Empty>
          ) : (
            <table className="small" data-testid="invites">
              <thead>
                <tr>
                  <th>Gate</th>
                  <th>Zone</th>
                  <th>Status</th>
                  <th>Expires</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {invites.data.invites.map((inv) => (
                  <tr key={inv.id} data-testid="invite-row" data-gate={inv.gateId} data-status={inv.status}>
                    <td>{inv.gateId}</td>
                    <td>{ZONE_NAMES[inv.zone] ?? `zone ${inv.zone}`}</td>
                    <td>{STATUS_WORDS[inv.status]}</td>
                    <td>{new Date(inv.expiresAt).toLocaleString()}</td>
                    <td>
                      {(inv.status === "open" || inv.status === "redeemed") && (
                        <button
                          type="button"
                          className="link-button"
                          data-testid="invite-revoke"
                          disabled={busy}
                          onClick={() => void run(async () => void (await revokeGateInvite(indexerUrl, token, inv.id)))}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Signed-in scanners</h3>
          {sessions.isPending ? (
            <Loading testId="staff-sessions-loading">Loading scanner sessions…</Loading>
          ) : sessions.isError ? (
            <ErrorState error={sessions.error} retry={() => void sessions.refetch()} testId="staff-sessions-error" />
          ) : sessions.data.sessions.filter((x) => !x.current).length === 0 ? (
            <Empty testId="staff-sessions-empty">No scanner has signed in yet.</Empty>
          ) : (
            <table className="small" data-testid="staff-sessions">
              <thead>
                <tr>
                  <th>Staff</th>
                  <th>Gate</th>
                  <th>Zone</th>
                  <th>Status</th>
                  <th>Until</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions
                  .filter((x) => !x.current)
                  .map((x) => (
                    <tr key={x.id} data-testid="staff-session-row" data-gate={x.gateId} data-status={x.status}>
                      <td title={x.staff}>{x.role === "admin" ? "Organizer" : shortStaff(x.staff)}</td>
                      <td>{x.gateId}</td>
                      <td>{ZONE_NAMES[x.zone] ?? `zone ${x.zone}`}</td>
                      <td>{SESSION_WORDS[x.status]}</td>
                      <td>{new Date(x.expiresAt).toLocaleString()}</td>
                      <td>
                        {x.status === "active" && (
                          <button
                            type="button"
                            className="link-button"
                            data-testid="staff-session-end"
                            disabled={busy}
                            onClick={() => void run(async () => void (await endGateSession(indexerUrl, token, x.id)))}
                          >
                            End session
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
