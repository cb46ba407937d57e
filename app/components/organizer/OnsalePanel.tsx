"use client";

import Link from "next/link";
import { useState } from "react";
import { isAddressEqual, zeroAddress } from "viem";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { simulateContract } from "wagmi/actions";
import type { EventView } from "../../chain-reads/read-event";
import { toLocalInput } from "../../format/local-datetime";
import { useContractTx } from "../../hooks/useContractTx";
import { useOrganizerSession } from "../../hooks/useOrganizerSession";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { createSale, getOnsaleInfo, listSales, OnsaleApiError } from "../../../lib/onsale/client";
import { onsaleWords } from "../../../lib/onsale/errors";
import { describeTxError } from "../../tx/describe-tx-error";
import { Empty, ErrorState, Loading } from "../QueryStates";
import { TxStatus } from "../TxStatus";
import { OrganizerSignIn } from "./OrganizerSignIn";

const clampInt = (v: string, lo: number, hi: number, fallback: number) => {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.max(lo, Math.min(hi, n)) : fallback;
};

/**
 * Opens a waiting-room sale for one tier: the event must trust the waiting room's voucher signer
 * (one transaction, offered here), the tier should be voucher-only (else bots skip the queue and
 * buy on chain), and the organizer's session creates the sale. Lists the event's sales with links.
 */
export function OnsalePanel({ event, onChange }: { event: EventView; onChange: () => void }) {
  const config = useConfig();
  const { indexerUrl } = useRuntimeConfig();
  const org = useOrganizerSession(event.address);
  const queryClient = useQueryClient();
  const trustTx = useContractTx();
  const firstVoucherTier = event.tiers.find((t) => t.voucherOnly)?.id ?? 0;
  const [tierId, setTierId] = useState(firstVoucherTier);
  const [saleId, setSaleId] = useState(
    `${event.symbol.toLowerCase().replace(/[^a-z0-9]/g, "") || "sale"}-tier-${firstVoucherTier}`,
  );
  const [opensAt, setOpensAt] = useState(() => toLocalInput(new Date(Date.now() + 10 * 60_000)));
  const [admitPerSecond, setAdmitPerSecond] = useState("5");
  const [maxPerIdentity, setMaxPerIdentity] = useState(String(event.maxPerIdentity || 2));
  const [identityRequired, setIdentityRequired] = useState(event.tiers[firstVoucherTier]?.voucherOnly ?? false);
  // Empty: the service's default (off on the local chain, on elsewhere), so a real sale does not open without bot friction by accident.
  const [powBits, setPowBits] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const info = useQuery({
    queryKey: ["onsale-info", indexerUrl],
    queryFn: () => getOnsaleInfo(indexerUrl),
    staleTime: 60_000,
  });
  const sales = useQuery({
    queryKey: ["onsale-sales", event.address],
    queryFn: () => listSales(indexerUrl, event.address),
    refetchInterval: 10_000,
  });
  const tier = event.tiers[tierId];
  const signer = info.data?.voucherSigner ?? null;
  const trusted = signer !== null && event.voucherSigner !== zeroAddress && isAddressEqual(event.voucherSigner, signer);

  const open = async () => {
    if (!org.session) return;
    setBusy(true);
    setError(null);
    try {
      await createSale(indexerUrl, org.session.token, {
        id: saleId.trim(),
        contract: event.address,
        tier: tierId,
        opensAt: new Date(opensAt).toISOString(),
        admitPerSecond: Math.max(0.1, Math.min(10_000, Number(admitPerSecond) || 1)),
        maxPerIdentity: clampInt(maxPerIdentity, 1, 100, 2),
        identityRequired,
        ...(powBits.trim() === "" ? {} : { powBits: clampInt(powBits, 0, 24, 0) }),
      });
      await queryClient.invalidateQueries({ queryKey: ["onsale-sales", event.address] });
    } catch (e) {
      if (e instanceof OnsaleApiError && e.code === "UNAUTHORIZED") org.forget();
      // The shared texts speak to fans; an organizer also needs the server's detail (which field, which signer).
      const detail = e instanceof OnsaleApiError ? e.shortMessage : "";
      setError(
        e instanceof OnsaleApiError
          ? e.code === "UNAUTHORIZED"
            ? detail
            : `${onsaleWords(e.code)} (${detail})`
          : describeTxError(e).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack" data-testid="onsale-panel">
      <h2>Waiting-room sale</h2>
      {/* Outside the trust block: once confirmed the event trusts the signer and that block goes, but the outcome stays in view. */}
      <TxStatus state={trustTx.state} testId="onsale-trust-status" />
      {info.isPending ? (
        <Loading testId="onsale-info-loading">Asking the waiting room…</Loading>
      ) : info.isError ? (
        <ErrorState error={info.error} retry={() => void info.refetch()} testId="onsale-info-error" />
      ) : signer === null ? (
        <p className="notice" data-testid="onsale-no-signer">
          This server has no voucher signer (ONSALE_SIGNER_KEY), so it cannot run a waiting room.
        </p>
      ) : !trusted ? (
        <div className="stack" data-testid="onsale-trust">
          <p className="small" style={{ overflowWrap: "anywhere" }}>
            Fans who reach the front of the queue get a voucher signed by <code className="mono">{signer}</code>. Your
            event must accept that signer
            {event.voucherSigner === zeroAddress ? " (vouchers are off today)." : ` instead of ${event.voucherSigner}.`}
          </p>
          <button
            type="button"
            className="button secondary"
            data-testid="onsale-trust-signer"
            disabled={trustTx.busy}
            onClick={() =>
              void trustTx
                .send("Accepting the waiting room's vouchers", () =>
                  simulateContract(config, {
                    address: event.address,
                    abi: eventTicketAbi,
                    functionName: "setVoucherSigner",
                    args: [signer],
                  }),
                )
                .then((r) => r && onChange())
            }
          >
            Accept the waiting room&apos;s vouchers
          </button>
        </div>
      ) : !org.session ? (
        <OrganizerSignIn {...org} what="open a sale" testId="onsale-sign-in" />
      ) : (
        <div className="stack">
          <div className="form-grid">
            <label className="field">
              Sale name (in the link)
              <input
                value={saleId}
                maxLength={64}
                data-testid="onsale-id"
                onChange={(e) => setSaleId(e.target.value.toLowerCase())}
              />
            </label>
            <label className="field">
              Tier
              <select value={tierId} data-testid="onsale-tier" onChange={(e) => setTierId(Number(e.target.value))}>
                {event.tiers.map((t) => (
                  <option key={t.id} value={t.id}>
                    Tier {t.id} ({t.supply - t.minted} left{t.voucherOnly ? ", voucher only" : ""})
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Opens at
              <input
                type="datetime-local"
                value={opensAt}
                data-testid="onsale-opens"
                onChange={(e) => setOpensAt(e.target.value)}
              />
            </label>
            <label className="field">
              Fans admitted per second
              <input
                type="number"
                min={0.1}
                step={0.1}
                value={admitPerSecond}
                data-testid="onsale-rate"
                onChange={(e) => setAdmitPerSecond(e.target.value)}
              />
            </label>
            <label className="field">
              Tickets per person
              <input
                type="number"
                min={1}
                max={100}
                value={maxPerIdentity}
                data-testid="onsale-per-identity"
                onChange={(e) => setMaxPerIdentity(e.target.value)}
              />
            </label>
            <label className="field">
              Proof of work (bits, 0 = off, empty = the service's default)
              <input
                type="number"
                min={0}
                max={24}
                value={powBits}
                placeholder="default"
                data-testid="onsale-pow"
                onChange={(e) => setPowBits(e.target.value)}
              />
            </label>
          </div>
          <label className="row">
            <input
              type="checkbox"
              checked={identityRequired}
              data-testid="onsale-identity"
              onChange={(e) => setIdentityRequired(e.target.checked)}
            />
            Real name: fans enter an ID number (one identity, at most the per-person limit across wallets)
          </label>
          {tier && !tier.voucherOnly && (
            <p className="notice small" data-testid="onsale-not-voucher-only">
              Tier {tier.id} is not voucher-only: anyone can still buy it directly on chain and skip the queue. Use a
              voucher-only tier for a fair sale.
            </p>
          )}
          <p className="muted small">
            Fans who arrive before the opening get a random place (arriving early gives no edge); later arrivals join
            the back.
          </p>
          <button
            type="button"
            className="button"
            data-testid="onsale-create"
            disabled={busy || saleId.trim() === ""}
            onClick={() => void open()}
          >
            {busy ? "Opening…" : "Open the sale"}
          </button>
          {error && (
            <p className="error" role="alert" data-testid="onsale-error">
              {error}
            </p>
          )}
        </div>
      )}
      {sales.isPending ? (
        <Loading testId="onsale-sales-loading">Loading sales…</Loading>
      ) : sales.isError ? (
        <ErrorState error={sales.error} retry={() => void sales.refetch()} testId="onsale-sales-error" />
      ) : sales.data.sales.length === 0 ? (
        <Empty testId="onsale-sales-empty">No waiting-room sales for this event yet.</Empty>
      ) : (
        <ul className="stack small" data-testid="onsale-sales">
          {sales.data.sales.map((s) => (
            <li key={s.id} data-testid="onsale-sale" data-sale={s.id}>
              <Link href={`/sale/${s.id}`}>{s.id}</Link>: tier {s.tier}, opens {new Date(s.opensAt).toLocaleString()},{" "}
              {s.queued} in the queue, {s.admittedThrough} admitted
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
