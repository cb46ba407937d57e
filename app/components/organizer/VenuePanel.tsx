"use client";

import Link from "next/link";
import { useState } from "react";
import type { EventView } from "../../chain-reads/read-event";
import { useOrganizerSession } from "../../hooks/useOrganizerSession";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { uploadVenue, type VenueUpload } from "../../../lib/seating/client";
import { OrganizerSignIn } from "./OrganizerSignIn";

const isAuthError = (e: unknown) => (e as { apiCode?: string }).apiCode === "GATE_UNAUTHORIZED";

/**
 * Reserved seating: the organizer uploads the venue's seat map (JSON, or CSV with
 * `section,row,seat,x,y,tier[,accessible]`). The server checks it (every problem listed, and
 * against the chain: tiers, supplies, seats already sold) before it replaces the stored one.
 */
export function VenuePanel({ event }: { event: EventView }) {
  const { indexerUrl } = useRuntimeConfig();
  const org = useOrganizerSession(event.address);
  const [result, setResult] = useState<VenueUpload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const token = org.session?.token;
  const reserved = event.tiers.filter((t) => t.reserved);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const text = await file.text();
      let body: { layout: unknown } | { name: string; csv: string };
      if (/\.json$/i.test(file.name) || text.trimStart().startsWith("{")) {
        try {
          body = { layout: JSON.parse(text) };
        } catch {
          throw new Error(`${file.name} is not valid JSON`);
        }
      } else body = { name: file.name.replace(/\.[^.]*$/, "").slice(0, 128) || "Venue", csv: text };
      setResult(await uploadVenue(indexerUrl, token!, event.address, body));
    } catch (e) {
      if (isAuthError(e)) org.forget();
      setError((e as { shortMessage?: string; message?: string }).shortMessage ?? (e as Error).message ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" data-testid="venue-panel">
      <h2>Seat map</h2>
      <p className="muted small">
        {reserved.length
          ? `Reserved tiers: ${reserved.map((t) => `tier ${t.id} (${t.supply} seats)`).join(", ")}. Each tier's seats in the layout become its seat numbers on chain, in layout order.`
          : "No tier of this event is reserved seating: a seat map only shows the venue."}
      </p>
      {!token ? (
        <OrganizerSignIn {...org} what="upload the venue's seat map" testId="venue-sign-in" />
      ) : (
        <>
          <label className="field">
            Venue layout (JSON or CSV: section,row,seat,x,y,tier[,accessible])
            <input
              type="file"
              accept=".json,.csv,application/json,text/csv"
              data-testid="venue-file"
              disabled={busy}
              onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
            />
          </label>
          {busy && <p aria-busy="true">Checking the layout…</p>}
          {error && (
            <p className="error" role="alert" data-testid="venue-error">
              {error}
            </p>
          )}
          {result?.ok === true && (
            <div className="notice" data-testid="venue-saved" data-seats={result.seats}>
              Saved “{result.name}”: {result.seats.toLocaleString("en")} seats.{" "}
              <Link href={`/events/${event.address}/seats`}>Open the seat map</Link>
              {result.warnings.length > 0 && (
                <ul className="small" data-testid="venue-warnings">
                  {result.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {result?.ok === false && (
            <div className="error" role="alert" data-testid="venue-refused" data-code={result.code}>
              Not saved: {result.message}
              {result.problems.length > 1 && (
                <ul className="small">
                  {result.problems.slice(0, 20).map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once per result
                    <li key={i}>
                      {p.where !== "(root)" && p.where !== "(chain)" ? `${p.where}: ` : ""}
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
