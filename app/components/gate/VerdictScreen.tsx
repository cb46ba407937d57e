import { verdictWords } from "../../gate/verdict-words";
import type { ScanVerdict as GateVerdict } from "../../../lib/indexer-client/gate";
import { seatLabel } from "../../../lib/seating/venue-layout";

/** The seat an ADMIT names (reserved seating), checked: the verdict's extra fields are untyped. */
function seatOfVerdict(v: GateVerdict): { section: string; row: string; number: number } | null {
  const s = v.seat as { section?: unknown; row?: unknown; number?: unknown } | undefined;
  return s && typeof s.section === "string" && typeof s.row === "string" && typeof s.number === "number"
    ? { section: s.section, row: s.row, number: s.number }
    : null;
}

/** The big green ADMIT or red DENY, with the reason in words. */
export function VerdictScreen({ verdict }: { verdict: GateVerdict | null }) {
  if (!verdict) {
    return (
      <div className="verdict waiting" data-testid="verdict" data-result="">
        Ready to scan
      </div>
    );
  }
  const admit = verdict.result === "ADMIT";
  const seat = seatOfVerdict(verdict);
  return (
    <div
      className={`verdict ${admit ? "admit" : "deny"}`}
      data-testid="verdict"
      data-result={verdict.result}
      data-reason={verdict.reason ?? ""}
      data-offline={String(verdict.offline === true)}
      role="status"
      aria-live="assertive"
    >
      <div className="verdict-word">{admit ? "ADMIT" : "DENY"}</div>
      {admit ? (
        <>
          {seat && (
            <div className="verdict-seat" data-testid="verdict-seat">
              {seatLabel(seat)}
            </div>
          )}
          {verdict.tokenId && <div>Ticket #{String(verdict.tokenId)}</div>}
        </>
      ) : (
        <div className="verdict-reason" data-testid="verdict-reason">
          {verdictWords(
            verdict.reason,
            typeof verdict.message === "string" ? verdict.message : undefined,
            typeof verdict.snapshotAt === "number" ? verdict.snapshotAt : undefined,
          )}
        </div>
      )}
      {verdict.offline === true && (
        <div className="small">Checked offline against the snapshot; uploaded when back online.</div>
      )}
    </div>
  );
}
