"use client";

import { useEffect, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import { signMessage } from "wagmi/actions";
import { bestAvailable, rowRuns } from "../../../lib/seating/best-available";
import { getSeatHolds, getVenue, holdSeats, openSeatSession, releaseSeats, requestSeatSignIn, type SeatSession } from "../../../lib/seating/client";
import { parseVenueLayout } from "../../../lib/seating/parse-layout";
import { buildSeatSignInMessage } from "../../../lib/seating/sign-in-message";
import { seatLabel } from "../../../lib/seating/venue-layout";
import { formatPrice } from "../../../lib/currency/currency";
import { useEvent } from "../../hooks/useEvent";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { describeTxError } from "../../tx/describe-tx-error";
import { Empty, ErrorState, Loading } from "../QueryStates";
import { SEAT, SeatCanvas } from "./SeatCanvas";

const MAX_SEATS = 8;
const sessionKey = (contract: string) => `fairgate.seat-session.${contract.toLowerCase()}`;

function storedSession(contract: string): SeatSession | null {
  try {
    const s = JSON.parse(window.sessionStorage.getItem(sessionKey(contract)) ?? "null") as SeatSession | null;
    return s && Date.parse(s.expiresAt) > Date.now() + 30_000 ? s : null;
  } catch {
    return null;
  }
}

/**
 * Choose seats on the venue map (click, keyboard, or "best available"), then hold them for a few
 * minutes while you check out: others see them taken within a second. Buying specific seats on
 * chain comes with reserved tiers in the contract; the hold is the part that exists today.
 */
export function SeatPicker({ address }: { address: Address }) {
  const config = useConfig();
  const { indexerUrl } = useRuntimeConfig();
  const { address: me } = useConnection();
  const queryClient = useQueryClient();
  const event = useEvent(address);
  const [session, setSession] = useState<SeatSession | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [count, setCount] = useState(2);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "notice"; text: string; code?: string } | null>(null);
  const [heldUntil, setHeldUntil] = useState<string | null>(null);
  useEffect(() => setSession(storedSession(address)), [address]);

  const venueQuery = useQuery({ queryKey: ["venue", address], queryFn: () => getVenue(indexerUrl, address), retry: false });
  const venue = useMemo(() => (venueQuery.data ? parseVenueLayout(venueQuery.data.layout) : null), [venueQuery.data]);
  const runs = useMemo(() => (venue ? rowRuns(venue) : []), [venue]);
  // Holds change while others check out: read every second (the bound for a change to show).
  const holds = useQuery({ queryKey: ["seat-holds", address, session?.token ?? null], queryFn: () => getSeatHolds(indexerUrl, address, session?.token), refetchInterval: 1_000, enabled: !!venue });
  const status = useMemo(() => {
    const st = new Uint8Array(venue?.seats.length ?? 0);
    for (const h of holds.data?.holds ?? []) if (h.seat < st.length) st[h.seat] = h.mine ? SEAT.mine : SEAT.held;
    return st;
  }, [venue, holds.data]);

  if (venueQuery.isPending || event.isPending) return <Loading testId="seats-loading">Loading the venue…</Loading>;
  if (venueQuery.isError) {
    const notFound = (venueQuery.error as { status?: number }).status === 404;
    return notFound ? <Empty testId="seats-no-venue">This event has no seat map: its tickets are general admission.</Empty> : <ErrorState error={venueQuery.error} retry={() => void venueQuery.refetch()} testId="seats-error" />;
  }
  if (event.isError) return <ErrorState error={event.error} retry={() => void event.refetch()} testId="seats-error" />;
  const tiers = event.data.tiers;
  const priceOf = (t: number) => tiers[t]?.faceValue;
  const chosen = [...selected].sort((a, b) => a - b);
  const total = chosen.reduce((sum, i) => sum + (priceOf(venue!.seats[i]!.tier) ?? 0n), 0n);

  const toggle = (seat: number) => {
    if (status[seat] === SEAT.held || status[seat] === SEAT.sold) {
      setMessage({ kind: "notice", text: `${seatLabel(venue!.seats[seat]!)} is taken.` });
      return;
    }
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(seat)) next.delete(seat);
      else if (next.size < MAX_SEATS) next.add(seat);
      return next;
    });
  };

  const signIn = async (): Promise<SeatSession> => {
    const challenge = await requestSeatSignIn(indexerUrl, address, window.location.host);
    const msg = buildSeatSignInMessage(challenge, me!);
    const opened = await openSeatSession(indexerUrl, msg, await signMessage(config, { message: msg }));
    window.sessionStorage.setItem(sessionKey(address), JSON.stringify(opened));
    setSession(opened);
    return opened;
  };

  const hold = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const s = session ?? (await signIn());
      const held = await holdSeats(indexerUrl, s.token, chosen);
      setHeldUntil(held.expiresAt);
      setMessage({ kind: "notice", text: `Held ${held.seats.length} seat(s) for you until ${new Date(held.expiresAt).toLocaleTimeString()}.` });
    } catch (e) {
      const code = (e as { apiCode?: string }).apiCode;
      if (code === "UNAUTHORIZED") {
        window.sessionStorage.removeItem(sessionKey(address));
        setSession(null);
      }
      setMessage({ kind: "error", code, text: (e as { shortMessage?: string }).shortMessage ?? describeTxError(e).message });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ["seat-holds", address] });
    }
  };

  const release = async () => {
    if (!session) return;
    setBusy(true);
    try {
      await releaseSeats(indexerUrl, session.token);
      setHeldUntil(null);
      setSelected(new Set());
      setMessage({ kind: "notice", text: "Released your seats." });
    } catch (e) {
      setMessage({ kind: "error", text: (e as { shortMessage?: string }).shortMessage ?? String(e) });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ["seat-holds", address] });
    }
  };

  const pickBest = () => {
    const [group] = bestAvailable(venue!, runs, { count, isFree: (i) => status[i] === SEAT.free, priceOf });
    if (!group) setMessage({ kind: "notice", text: `No ${count} seats together are free any more.` });
    else {
      setSelected(new Set(group.seats));
      setMessage(null);
    }
  };

  const heldCount = (holds.data?.holds ?? []).filter((h) => !h.mine).length;
  return (
    <section className="panel stack" data-testid="seat-picker" data-held={heldCount} data-mine={(holds.data?.holds ?? []).filter((h) => h.mine).length}>
      <h2>{venue!.name}: choose your seats</h2>
      <p className="muted small">
        {venue!.seats.length.toLocaleString("en")} seats; {heldCount} held by other fans right now.
      </p>
      <div className="row">
        <label className="field">
          Seats together
          <select value={count} data-testid="best-count" onChange={(e) => setCount(Number(e.target.value))}>
            {Array.from({ length: MAX_SEATS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button secondary" data-testid="best-available" onClick={pickBest}>
          Best available, cheapest first
        </button>
      </div>
      <SeatCanvas venue={venue!} runs={runs} status={status} selected={selected} onToggle={toggle} />
      <div data-testid="seat-selection" data-seats={chosen.join(",")}>
        {chosen.length === 0 ? (
          <p className="muted small">No seats chosen yet.</p>
        ) : (
          <ul className="small">
            {chosen.map((i) => (
              <li key={i}>
                {seatLabel(venue!.seats[i]!)} (tier {venue!.seats[i]!.tier}){status[i] === SEAT.mine ? ": held for you" : ""}
              </li>
            ))}
          </ul>
        )}
        {chosen.length > 0 && <p className="small">Face value: {formatPrice(total, event.data.currency)}</p>}
      </div>
      <div className="row">
        <button type="button" className="button" data-testid="hold-seats" disabled={busy || chosen.length === 0 || !me} onClick={() => void hold()}>
          {busy ? "Working…" : session ? "Hold these seats" : "Sign in and hold these seats"}
        </button>
        {session && heldUntil && (
          <button type="button" className="link-button" data-testid="release-seats" disabled={busy} onClick={() => void release()}>
            Release
          </button>
        )}
      </div>
      {!me && <p className="muted small">Connect your wallet to hold seats.</p>}
      {message && (
        <p className={message.kind === "error" ? "error" : "notice"} role={message.kind === "error" ? "alert" : "status"} data-testid="seat-message" data-code={message.code ?? ""}>
          {message.text}
        </p>
      )}
      <p className="muted small">Holds are a courtesy while you pay: the seat is yours only once the purchase is confirmed on chain.</p>
    </section>
  );
}
