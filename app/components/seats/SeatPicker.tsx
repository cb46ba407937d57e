"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { erc20Abi } from "viem";
import { useConfig, useConnection } from "wagmi";
import { signMessage, simulateContract } from "wagmi/actions";
import { bestAvailable, rowRuns } from "../../../lib/seating/best-available";
import {
  getSeatHolds,
  getSeatStatus,
  getVenue,
  holdSeats,
  openSeatSession,
  releaseSeats,
  requestSeatSignIn,
  type SeatSession,
} from "../../../lib/seating/client";
import { forEachInRanges } from "../../../lib/seating/seat-ranges";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { parseVenueLayout } from "../../../lib/seating/parse-layout";
import { buildSeatSignInMessage } from "../../../lib/seating/sign-in-message";
import { seatLabel } from "../../../lib/seating/venue-layout";
import { formatPrice, isNative } from "../../../lib/currency/currency";
import { useContractTx } from "../../hooks/useContractTx";
import { useSeatStream } from "../../hooks/useSeatStream";
import { TxStatus } from "../TxStatus";
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
 * Choose seats on the venue map (click, keyboard, or "best available"), hold them for a few minutes
 * while you check out (others see them taken within a second), and buy them: one `buySeats`
 * transaction per price tier. Sold and checked-in seats come from the indexer's seat status, kept
 * live by its seat stream (polling only as a fallback while the stream is down).
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

  const venueQuery = useQuery({
    queryKey: ["venue", address],
    queryFn: () => getVenue(indexerUrl, address),
    retry: false,
  });
  const venue = useMemo(() => (venueQuery.data ? parseVenueLayout(venueQuery.data.layout) : null), [venueQuery.data]);
  const runs = useMemo(() => (venue ? rowRuns(venue) : []), [venue]);
  const tx = useContractTx();
  // The stream says when to re-read; polling is the fallback (fast while the stream is down: a
  // change must show within a second) and catches what the stream cannot see (expired holds).
  const onNotice = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ["seat-holds", address] });
    void queryClient.invalidateQueries({ queryKey: ["seat-status", address] });
  }, [queryClient, address]);
  const live = useSeatStream(indexerUrl, address, onNotice, !!venue);
  const holds = useQuery({
    queryKey: ["seat-holds", address, session?.token ?? null],
    queryFn: () => getSeatHolds(indexerUrl, address, session?.token),
    refetchInterval: live ? 5_000 : 1_000,
    enabled: !!venue,
  });
  const sold = useQuery({
    queryKey: ["seat-status", address, me?.toLowerCase() ?? null],
    queryFn: () => getSeatStatus(indexerUrl, address, me),
    refetchInterval: live ? 15_000 : 1_000,
    enabled: !!venue,
  });
  const status = useMemo(() => {
    const st = new Uint8Array(venue?.seats.length ?? 0);
    for (const h of holds.data?.holds ?? []) if (h.seat < st.length) st[h.seat] = h.mine ? SEAT.mine : SEAT.held;
    // The chain outranks holds: a sold seat is sold whatever the hold table says.
    if (sold.data) {
      forEachInRanges(sold.data.sold, st.length, (i) => (st[i] = SEAT.sold));
      forEachInRanges(sold.data.checkedIn, st.length, (i) => (st[i] = SEAT.checkedIn));
      forEachInRanges(sold.data.mine, st.length, (i) => (st[i] = SEAT.owned));
    }
    return st;
  }, [venue, holds.data, sold.data]);

  // The map does not wait for the event's chain reads (prices, currency): only buying does.
  if (venueQuery.isPending) return <Loading testId="seats-loading">Loading the venue…</Loading>;
  if (venueQuery.isError)
    return <ErrorState error={venueQuery.error} retry={() => void venueQuery.refetch()} testId="seats-error" />;
  if (venueQuery.data === null)
    return <Empty testId="seats-no-venue">This event has no seat map: its tickets are general admission.</Empty>;
  if (event.isError) return <ErrorState error={event.error} retry={() => void event.refetch()} testId="seats-error" />;
  const ev = event.data;
  const priceOf = (t: number) => ev?.tiers[t]?.faceValue;
  const chosen = [...selected].sort((a, b) => a - b);
  const total = chosen.reduce((sum, i) => sum + (priceOf(venue!.seats[i]!.tier) ?? 0n), 0n);

  const toggle = (seat: number) => {
    if (status[seat] !== SEAT.free && status[seat] !== SEAT.mine) {
      setMessage({
        kind: "notice",
        text: `${seatLabel(venue!.seats[seat]!)} is ${status[seat] === SEAT.owned ? "already yours" : "taken"}.`,
      });
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
      setMessage({
        kind: "notice",
        text: `Held ${held.seats.length} seat(s) for you until ${new Date(held.expiresAt).toLocaleTimeString()}.`,
      });
    } catch (e) {
      const code = (e as { apiCode?: string }).apiCode;
      if (code === "UNAUTHORIZED") {
        window.sessionStorage.removeItem(sessionKey(address));
        setSession(null);
      }
      setMessage({
        kind: "error",
        code,
        text: (e as { shortMessage?: string }).shortMessage ?? describeTxError(e).message,
      });
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

  /** One `buySeats` per price tier of the selection (an ERC-20 event approves each first). */
  const buy = async () => {
    setMessage(null);
    const byTier = new Map<number, number[]>();
    for (const i of chosen) {
      const s = venue!.seats[i]!;
      byTier.set(s.tier, [...(byTier.get(s.tier) ?? []), s.tierSeat]);
    }
    if (!ev) return;
    const currency = ev.currency;
    let bought = 0;
    for (const [tier, seats] of byTier) {
      const price = (priceOf(tier) ?? 0n) * BigInt(seats.length);
      const label = `Buying ${seats.length} seat${seats.length > 1 ? "s" : ""} of tier ${tier} for ${formatPrice(price, currency)}`;
      if (!isNative(currency)) {
        const approved = await tx.send(`Allowing the event to take ${formatPrice(price, currency)}`, () =>
          simulateContract(config, {
            address: currency.address,
            abi: erc20Abi,
            functionName: "approve",
            args: [address, price],
          }),
        );
        if (!approved) break;
      }
      const receipt = await tx.send(label, () =>
        simulateContract(config, {
          address,
          abi: eventTicketAbi,
          functionName: "buySeats",
          args: [tier, seats],
          ...(isNative(currency) ? { value: price } : {}),
        }),
      );
      if (!receipt) break; // TxStatus says why (e.g. someone took a seat first)
      bought += seats.length;
    }
    if (bought > 0) {
      setMessage({ kind: "notice", text: `Bought ${bought} seat${bought > 1 ? "s" : ""}: they are in My tickets.` });
      setSelected(new Set());
      setHeldUntil(null);
      if (session) await releaseSeats(indexerUrl, session.token).catch(() => undefined);
    }
    onNotice();
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
  let soldCount = 0;
  for (const s of status) if (s === SEAT.sold || s === SEAT.checkedIn || s === SEAT.owned) soldCount++;
  return (
    <section
      className="panel stack"
      data-testid="seat-picker"
      data-held={heldCount}
      data-mine={(holds.data?.holds ?? []).filter((h) => h.mine).length}
      data-sold={soldCount}
      data-live={String(live)}
    >
      <h2>{venue!.name}: choose your seats</h2>
      <p className="muted small">
        {venue!.seats.length.toLocaleString("en")} seats; {soldCount.toLocaleString("en")} sold; {heldCount} held by
        other fans right now{live ? "" : " (reconnecting…)"}.
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
                {seatLabel(venue!.seats[i]!)} (tier {venue!.seats[i]!.tier})
                {status[i] === SEAT.mine ? ": held for you" : ""}
              </li>
            ))}
          </ul>
        )}
        {chosen.length > 0 && ev && <p className="small">Face value: {formatPrice(total, ev.currency)}</p>}
      </div>
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="hold-seats"
          disabled={busy || chosen.length === 0 || !me}
          onClick={() => void hold()}
        >
          {busy ? "Working…" : session ? "Hold these seats" : "Sign in and hold these seats"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="buy-seats"
          disabled={tx.busy || busy || chosen.length === 0 || !me || !ev || ev.cancelled}
          onClick={() => void buy()}
        >
          {chosen.length === 0 || !ev
            ? "Buy seats"
            : `Buy ${chosen.length} seat${chosen.length > 1 ? "s" : ""} for ${formatPrice(total, ev.currency)}`}
        </button>
        {session && heldUntil && (
          <button
            type="button"
            className="link-button"
            data-testid="release-seats"
            disabled={busy}
            onClick={() => void release()}
          >
            Release
          </button>
        )}
      </div>
      <TxStatus state={tx.state} testId="buy-seats-status" receipt />
      {!me && <p className="muted small">Connect your wallet to hold or buy seats.</p>}
      {message && (
        <p
          className={message.kind === "error" ? "error" : "notice"}
          role={message.kind === "error" ? "alert" : "status"}
          data-testid="seat-message"
          data-code={message.code ?? ""}
        >
          {message.text}
        </p>
      )}
      <p className="muted small">
        Holds are a courtesy while you pay: a seat is yours only once the purchase is confirmed on chain, and if two
        fans buy one seat at once, the second pays nothing.
      </p>
    </section>
  );
}
