"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TicketCheck as Check } from "../../../lib/indexer-client";
import { formatEth, formatTime } from "../../format/ticket-words";
import { useIndexerClient } from "../../hooks/useIndexerClient";
import { ErrorState, Loading } from "../QueryStates";
import { useLiveRefetchInterval } from "../../live/LiveUpdates";
import { ticketStatus } from "../../../lib/ticket-status/ticket-status";
import { EventFace } from "../events/EventFace";
import { TicketLabel, TierName } from "../events/TicketWords";

const VERDICT_WORDS: Record<Check["verdict"], { word: string; tone: "valid" | "checked-in" }> = {
  genuine: { word: "Genuine ticket", tone: "valid" },
  used: { word: "Already used", tone: "checked-in" },
  void: { word: "Void", tone: "checked-in" },
  unknown: { word: "Not a Fairgate ticket", tone: "checked-in" },
  "wrong-chain": { word: "Wrong network", tone: "checked-in" },
};

/** Paste a ticket id, a link or a pass; the answer comes from the indexer's public `/check`. */
export function TicketCheck() {
  const client = useIndexerClient();
  const router = useRouter();
  const pathname = usePathname();
  const q = useSearchParams().get("q") ?? "";
  const [input, setInput] = useState(q);
  // Kept fresh by the change stream (a gate admission shows within a second), polled while it is down.
  const refetchInterval = useLiveRefetchInterval(undefined, q.trim() !== "");
  const check = useQuery({
    queryKey: ["check", q],
    queryFn: ({ signal }) => client.checkTicket(q, { signal }),
    enabled: q.trim() !== "",
    retry: false,
    refetchInterval,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    // The query lives in the URL, so a result can be shared as a link.
    router.replace(`${pathname}?q=${encodeURIComponent(input.trim())}`);
  }

  return (
    <section className="panel stack">
      <form className="stack" onSubmit={submit}>
        <label htmlFor="check-input">Ticket id (contract/number), ticket link, or the text of a scanned pass</label>
        <textarea
          id="check-input"
          data-testid="check-input"
          rows={2}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="0x5FbD…0aa3/7"
        />
        <button className="button" type="submit" disabled={input.trim() === ""}>
          Check
        </button>
      </form>
      {check.isLoading && <Loading />}
      {check.error && <ErrorState error={check.error} />}
      {check.data && <CheckResult check={check.data} />}
    </section>
  );
}

function CheckResult({ check }: { check: Check }) {
  const verdict = VERDICT_WORDS[check.verdict];
  const t = check.ticket;
  // The same status the ticket page and My tickets show (lib/ticket-status).
  const status = t
    ? ticketStatus({
        refunded: t.refunded,
        eventCancelled: t.eventCancelled,
        checkedInOnChain: t.checkedInOnChain,
        admittedAt: t.checkedInAt,
      })
    : null;
  return (
    <div
      className="stack"
      data-testid="check-result"
      data-verdict={check.verdict}
      data-status={status?.code ?? "unknown"}
    >
      <p>
        <span className={`badge ${verdict.tone}`}>{verdict.word}</span>{" "}
        {status && status.code !== "valid" && (
          <span className="badge checked-in" data-testid="check-status">
            {status.text}
          </span>
        )}{" "}
        <span className="muted mono">
          {check.reference.contract} ·{" "}
          <TicketLabel contract={check.reference.contract} tokenId={check.reference.tokenId} />
        </span>
      </p>
      {t && <EventFace contract={check.reference.contract} compact />}
      {status?.used && (
        <p className="notice" data-testid="check-status-words">
          {status.lockedReason}
        </p>
      )}
      {t && (
        <dl className="kv">
          <dt>Event</dt>
          <dd>{t.eventName ?? "–"}</dd>
          <dt>Tier</dt>
          <dd data-testid="check-tier">
            <TierName contract={check.reference.contract} tier={t.tier} />
          </dd>
          {t.startTime && (
            <>
              <dt>Starts</dt>
              <dd>{formatTime(BigInt(t.startTime))}</dd>
            </>
          )}
          <dt>Held by</dt>
          <dd className="mono">{t.holder}</dd>
          <dt>Face value</dt>
          <dd>{t.faceValue ? formatEth(BigInt(t.faceValue)) : "–"}</dd>
          <dt>Highest resale price</dt>
          <dd>{t.maxResalePrice ? formatEth(BigInt(t.maxResalePrice)) : "–"}</dd>
          <dt>Official listing</dt>
          <dd data-testid="check-listing">
            {t.officialListing
              ? `${formatEth(BigInt(t.officialListing.price))}${t.officialListing.stale ? " (stale)" : ""}`
              : "not listed"}
          </dd>
        </dl>
      )}
      <ul className="list-plain" data-testid="check-warnings">
        {check.warnings.map((w) => (
          <li key={w} className="notice">
            {w}
          </li>
        ))}
      </ul>
    </div>
  );
}
