import type { IdentityWords } from "../../tickets/identity-words";

/**
 * A named ticket's identity binding, in words: what the holder must bring to the gate, that only
 * a fingerprint is on chain, and what a transfer or a lost wallet means for it.
 */
export function IdentityPanel({ words, mine }: { words: IdentityWords; mine: boolean }) {
  return (
    <section className="panel stack" data-testid="identity-panel" data-identity={words.state}>
      <h2>{words.state === "bound" ? (mine ? "Your ID and this ticket" : "Named ticket") : "Real-name tier"}</h2>
      {words.fingerprint && (
        <p className="small">
          ID fingerprint on chain:{" "}
          <span className="mono" data-testid="identity-fingerprint">
            {words.fingerprint}
          </span>
        </p>
      )}
      <ul className="list-plain">
        {words.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
