"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { getSale } from "../../../lib/onsale/client";
import type { OnsaleEntryStatus, OnsaleIssuedVoucher } from "../../../lib/onsale/types";
import { useEntryStatus } from "../../hooks/useEntryStatus";
import { useIndexerClient } from "../../hooks/useIndexerClient";
import { useIsMounted } from "../../hooks/useIsMounted";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { readEntry, saveEntry, type StoredEntry } from "../../sale/entry-store";
import { ErrorState, Loading } from "../QueryStates";
import { ClaimVoucher } from "./ClaimVoucher";
import { GetVoucher } from "./GetVoucher";
import { JoinQueue } from "./JoinQueue";
import { QueuePosition } from "./QueuePosition";

/**
 * The virtual waiting room of one primary sale (issue #10): join (with the sale's puzzle), watch
 * the place and estimated wait move live, and when admitted sign in, get a voucher and redeem it.
 * The queue token and voucher survive a reload (app/sale/entry-store.ts).
 */
export function WaitingRoom({ saleId }: { saleId: string }) {
  const mounted = useIsMounted();
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  const sale = useQuery({
    queryKey: ["onsale", indexerUrl, saleId],
    queryFn: () => getSale(indexerUrl, saleId),
    retry: 1,
  });
  // The event's name, for the heading; the sale works without it (one retry, like the app's other indexer reads).
  const contract = sale.data?.contract;
  const event = useQuery({
    queryKey: ["events", indexerUrl, "detail", contract],
    queryFn: ({ signal }) => indexer.event(contract!, { signal }),
    enabled: contract !== undefined,
    retry: 1,
  });
  const [entry, setEntry] = useState<StoredEntry | null>(null);
  const [joinedStatus, setJoinedStatus] = useState<OnsaleEntryStatus | null>(null);
  const live = useEntryStatus(indexerUrl, entry?.token ?? null, joinedStatus);

  useEffect(() => setEntry(readEntry(localStorage, saleId)), [saleId]);
  const store = (next: StoredEntry | null) => {
    saveEntry(localStorage, saleId, next);
    setEntry(next);
  };

  if (!mounted || sale.isPending) return <Loading testId="sale-loading">Loading the sale…</Loading>;
  if (sale.isError) return <ErrorState error={sale.error} retry={() => void sale.refetch()} testId="sale-error" />;
  const s = sale.data;
  const status = live.status;
  // The heading is the event's name once known; while it loads, a neutral placeholder (never the sale's
  // id dressed up as a title); the id only when the indexer could not name the event.
  const titleState = event.data ? "named" : event.isError ? "unnamed" : "loading";
  const title = event.data
    ? `${event.data.event.name}: on-sale`
    : event.isError
      ? `Sale ${s.id}`
      : "Loading the event…";

  return (
    <div className="stack" data-testid="waiting-room" data-sale={s.id}>
      <section className="panel stack">
        <h2
          data-testid="sale-title"
          data-state={titleState}
          aria-busy={titleState === "loading"}
          className={titleState === "loading" ? "muted" : undefined}
        >
          {title}
        </h2>
        <dl className="kv">
          <dt>Opens</dt>
          <dd>{new Date(s.opensAt).toLocaleString()}</dd>
          <dt>Per person</dt>
          <dd>
            up to {s.maxPerIdentity} ticket{s.maxPerIdentity === 1 ? "" : "s"}
          </dd>
          <dt>Fans let in</dt>
          <dd>{s.admitPerSecond} per second</dd>
          {s.identityRequired && (
            <>
              <dt>Real-name</dt>
              <dd>Yes: you will enter an ID number once</dd>
            </>
          )}
        </dl>
      </section>

      {!entry ? (
        <JoinQueue
          sale={s}
          indexerUrl={indexerUrl}
          onJoined={({ token, status: joined }) => {
            setJoinedStatus(joined);
            store({ token, voucher: null });
          }}
        />
      ) : !status ? (
        live.error ? (
          <EntryLost message={live.error.message} code={live.error.code} onRejoin={() => store(null)} />
        ) : (
          <Loading testId="queue-loading">Finding your place…</Loading>
        )
      ) : (
        <>
          <QueuePosition status={status} live={live.live} />
          {live.error && (
            <p className="notice" role="status" data-testid="queue-stale">
              {live.error.message}
            </p>
          )}
          {entry.voucher ? (
            <ClaimVoucher issued={entry.voucher} />
          ) : status.state === "admitted" || status.state === "voucher" ? (
            <GetVoucher
              sale={s}
              status={status}
              token={entry.token}
              indexerUrl={indexerUrl}
              onStatus={live.set}
              onVoucher={(voucher: OnsaleIssuedVoucher) => store({ token: entry.token, voucher })}
            />
          ) : null}
          {status.state === "expired" && (
            <button type="button" className="button secondary" data-testid="rejoin" onClick={() => store(null)}>
              Join the queue again (at the back)
            </button>
          )}
        </>
      )}
    </div>
  );
}

function EntryLost({ message, code, onRejoin }: { message: string; code: string; onRejoin: () => void }) {
  return (
    <div className="stack">
      <p className="error" role="alert" data-testid="queue-error" data-error-code={code}>
        {message}
      </p>
      {code === "UNAUTHORIZED" && (
        <button type="button" className="button secondary" onClick={onRejoin}>
          Join the queue again
        </button>
      )}
    </div>
  );
}
