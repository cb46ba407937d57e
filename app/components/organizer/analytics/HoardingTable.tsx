"use client";

import { Empty, ErrorState, Loading } from "../../QueryStates";
import { useEventAnalytics } from "./useEventAnalytics";

const short = (s: string) => `${s.slice(0, 6)}…${s.slice(-4)}`;

/** Wallets and identities holding more than `over` tickets, and funnels (many wallets forwarding to one). */
export function HoardingTable({ contract, over }: { contract: string; over: number }) {
  const report = useEventAnalytics("hoarding", contract, { over });
  const r = report.data;
  return (
    <figure className="stack" data-testid="heavy-holders" style={{ margin: 0 }}>
      <figcaption>
        <strong>Suspicious holdings: more than {over} tickets, or tickets funnelled to one wallet</strong>
      </figcaption>
      {report.isPending ? (
        <Loading testId="heavy-holders-loading" />
      ) : report.isError ? (
        <ErrorState error={report.error} retry={() => void report.refetch()} testId="heavy-holders-error" />
      ) : r!.wallets.length + r!.identities.length + r!.funnels.length === 0 ? (
        <Empty testId="heavy-holders-empty">None: no wallet stands out.</Empty>
      ) : (
        <table className="small">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Who</th>
              <th>Tickets</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {r!.wallets.map((w) => (
              <tr key={`w${w.wallet}`} data-testid="heavy-holder" data-kind="wallet">
                <td>Wallet</td>
                <td className="mono" title={w.wallet}>
                  {short(w.wallet)}
                </td>
                <td>{w.tickets}</td>
                <td>
                  {w.tiers} tiers{w.identityBound > 0 ? `, ${w.identityBound} named` : ""}
                </td>
              </tr>
            ))}
            {r!.identities.map((i) => (
              <tr key={`i${i.identityCommitment}`} data-testid="heavy-holder" data-kind="identity">
                <td>Identity</td>
                <td className="mono" title={i.identityCommitment}>
                  {short(i.identityCommitment)}
                </td>
                <td>{i.tickets}</td>
                <td>held by {i.wallets} wallets</td>
              </tr>
            ))}
            {r!.funnels.map((f) => (
              <tr key={`f${f.collector}`} data-testid="heavy-holder" data-kind="funnel">
                <td>Funnel</td>
                <td className="mono" title={f.collector}>
                  {short(f.collector)}
                </td>
                <td>{f.tickets}</td>
                <td>
                  from {f.sources} first buyers within {r!.windowBlocks} blocks of their mint
                  {f.viaSale > 0 ? ` (${f.viaSale} via resale)` : ""}; holds {f.heldNow} now
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
