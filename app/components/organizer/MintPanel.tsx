"use client";

import { useMemo, useState } from "react";
import { channelLabel, ORGANIZER_CHANNEL } from "../../../lib/channels";
import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView } from "../../chain-reads/read-event";
import { useContractTx } from "../../hooks/useContractTx";
import { batches, parseWalletList, WalletListError, type WalletList } from "../../organizer/parse-wallet-list";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { TxStatus } from "../TxStatus";

/** Wallets per mint transaction (the contract's MAX_BATCH is 500; smaller batches show progress sooner). */
export const MINT_BATCH = 200;

/** Mint one ticket of a tier to each wallet of a pasted or uploaded CSV, in batches, with progress. */
export function MintPanel({ event, onMinted }: { event: EventView; onMinted: () => void }) {
  const config = useConfig();
  const tx = useContractTx();
  const [text, setText] = useState("");
  // The first tier a wallet list can be minted into (reserved tiers sell seats instead).
  const [tierId, setTierId] = useState(() => event.tiers.find((t) => !t.reserved)?.id ?? 0);
  const [channel, setChannel] = useState(ORGANIZER_CHANNEL);
  const [progress, setProgress] = useState<{ done: number; total: number; batch: number; batches: number } | null>(
    null,
  );
  const parsed = useMemo((): WalletList | { error: string } | null => {
    if (text.trim() === "") return null;
    try {
      return parseWalletList(text);
    } catch (error) {
      return { error: error instanceof WalletListError ? error.message : String(error) };
    }
  }, [text]);
  const tier = event.tiers[tierId];
  const left = tier ? tier.supply - tier.minted : 0;
  const list = parsed && "wallets" in parsed ? parsed : null;
  const tooMany = list !== null && list.wallets.length > left;

  const mint = async () => {
    if (!list || list.wallets.length === 0 || tooMany) return;
    const groups = batches(list.wallets, MINT_BATCH);
    let done = 0;
    setProgress({ done, total: list.wallets.length, batch: 0, batches: groups.length });
    for (const [i, group] of groups.entries()) {
      const receipt = await tx.send(`Minting batch ${i + 1} of ${groups.length} (${group.length} tickets)`, () =>
        simulateContract(config, {
          address: event.address,
          abi: eventTicketAbi,
          functionName: "mintTier",
          args: [tierId, channel, group],
        }),
      );
      if (!receipt) return; // TxStatus shows why; confirmed batches stay minted and are counted.
      done += group.length;
      setProgress({ done, total: list.wallets.length, batch: i + 1, batches: groups.length });
      onMinted();
    }
    setText("");
  };

  return (
    <section className="panel stack" data-testid="mint">
      <h2>Mint tickets to wallets</h2>
      <label className="field">
        Tier
        <select value={tierId} data-testid="mint-tier" onChange={(e) => setTierId(Number(e.target.value))}>
          {event.tiers.map((t) => (
            // Reserved tiers sell seat by seat (buySeats): a wallet list carries no seats to mint.
            <option key={t.id} value={t.id} disabled={t.reserved}>
              Tier {t.id} ({t.reserved ? "reserved seating: sold on the seat map" : `${t.supply - t.minted} left`})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Allocation channel (counts against its quota; its transfer rule applies to these tickets)
        <select value={channel} data-testid="mint-channel" onChange={(e) => setChannel(Number(e.target.value))}>
          {[1, 2, 3, 4, 5, 6, 7].map((id) => (
            <option key={id} value={id}>
              {channelLabel(id)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Wallets, one per line (CSV: address in the first column; a header row is fine)
        <textarea
          value={text}
          data-testid="mint-csv"
          placeholder={"wallet\n0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field">
        …or upload a CSV file
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="mint-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setText);
          }}
        />
      </label>
      {parsed && "error" in parsed && (
        <p className="error" role="alert" data-testid="mint-csv-error">
          {parsed.error}
        </p>
      )}
      {list && (
        <div
          className="stack small"
          data-testid="mint-report"
          data-valid={list.wallets.length}
          data-problems={list.problems.length}
        >
          <div>
            <strong>{list.wallets.length}</strong> valid wallet{list.wallets.length === 1 ? "" : "s"}
            {list.problems.length > 0 &&
              `, ${list.problems.length} line${list.problems.length === 1 ? "" : "s"} skipped:`}
          </div>
          {list.problems.length > 0 && (
            <ul className="error" data-testid="mint-problems">
              {list.problems.map((p) => (
                <li key={p.line} data-testid="mint-problem" data-reason={p.reason} data-line={p.line}>
                  Line {p.line}: {p.reason === "DUPLICATE" ? `duplicate of line ${p.firstLine}` : "not a valid address"}{" "}
                  <span className="mono">{p.text.slice(0, 60)}</span>
                </li>
              ))}
            </ul>
          )}
          {tooMany && (
            <p className="error" data-testid="mint-too-many">
              Tier {tierId} has only {left} tickets left.
            </p>
          )}
        </div>
      )}
      <button
        type="button"
        className="button"
        data-testid="mint-submit"
        disabled={!list || list.wallets.length === 0 || tooMany || tx.busy || event.cancelled}
        onClick={() => void mint()}
      >
        Mint {list?.wallets.length ?? 0} ticket{list?.wallets.length === 1 ? "" : "s"}
      </button>
      {progress && (
        <div className="stack small" data-testid="mint-progress" data-done={progress.done} data-total={progress.total}>
          <progress className="progress" value={progress.done} max={progress.total} />
          {progress.done} of {progress.total} minted ({progress.batch} of {progress.batches} transactions confirmed)
        </div>
      )}
      <TxStatus state={tx.state} testId="mint-status" />
    </section>
  );
}
