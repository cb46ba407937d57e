"use client";

import { formatEther } from "viem";
import { Empty, ErrorState, Loading } from "../../QueryStates";
import { useEventAnalytics } from "./useEventAnalytics";

const short = (s: string) => `${s.slice(0, 6)}…${s.slice(-4)}`;

/** Leak report: non-public tickets (sponsor, staff, artist, …) that changed hands, were listed or sit with a public buyer. */
export function LeaksTable({ contract }: { contract: string }) {
  const report = useEventAnalytics("leaks", contract);
  const r = report.data;
  return (
    <figure className="stack" data-testid="leaks" style={{ margin: 0 }}>
      <figcaption>
        <strong>Allocation leaks: non-public tickets that left their channel</strong>
      </figcaption>
      {report.isPending ? (
        <Loading testId="leaks-loading" />
      ) : report.isError ? (
        <ErrorState error={report.error} retry={() => void report.refetch()} testId="leaks-error" />
      ) : (
        <>
          <table className="small" data-testid="leak-channels">
            <thead>
              <tr>
                <th>Channel</th>
                <th>Quota</th>
                <th>Rule</th>
                <th>Issued</th>
                <th>Reported</th>
                <th>Moved</th>
                <th>Listed</th>
                <th>With a public buyer</th>
              </tr>
            </thead>
            <tbody>
              {r!.channels.map((c) => (
                <tr key={c.channel} data-testid="leak-channel" data-channel={c.channel}>
                  <td>{c.name}</td>
                  <td>{c.quota ?? "–"}</td>
                  <td>{c.mode ?? "–"}</td>
                  <td>{c.issued}</td>
                  <td>{c.reported}</td>
                  <td>{c.moved}</td>
                  <td>{c.listed}</td>
                  <td>{c.heldByPublicBuyer}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r!.tickets.length === 0 ? (
            <Empty testId="leaks-empty">No non-public ticket left its channel.</Empty>
          ) : (
            <table className="small">
              <thead>
                <tr>
                  <th>Ticket</th>
                  <th>Channel</th>
                  <th>Why</th>
                  <th>Chain of transfers</th>
                </tr>
              </thead>
              <tbody>
                {r!.tickets.map((t) => (
                  <tr key={t.tokenId} data-testid="leak" data-token-id={t.tokenId}>
                    <td>#{t.tokenId}</td>
                    <td>{t.channelName}</td>
                    <td>
                      {[
                        t.moves > 0 && `changed hands ${t.moves}×`,
                        t.listings > 0 && `listed ${t.listings}×`,
                        t.holderBoughtPublicly && "holder also bought publicly",
                      ]
                        .filter(Boolean)
                        .join(", ")}
                    </td>
                    <td className="mono">
                      {t.chain.map((h) => (
                        <div key={`${h.txHash}${h.to}`} title={h.txHash}>
                          {h.kind} {short(h.from)} → {short(h.to)}
                          {h.price !== null ? ` for ${formatEther(BigInt(h.price))} ETH` : ""} (block {h.block})
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </figure>
  );
}
