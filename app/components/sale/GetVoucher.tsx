"use client";

import { useState } from "react";
import { getAddress } from "viem";
import { useConfig, useConnection } from "wagmi";
import { signMessage } from "wagmi/actions";
import { onsaleSignIn, onsaleSignInNonce, requestVoucher } from "../../../lib/onsale/client";
import { buildOnsaleSignInMessage } from "../../../lib/onsale/sign-in-message";
import type { OnsaleEntryStatus, OnsaleIssuedVoucher, OnsaleSale } from "../../../lib/onsale/types";
import { parseQuantity } from "../../format/quantity";
import { shortAddress } from "../../format/short-address";
import { QuantityField } from "../QuantityField";
import { describeOnsaleError } from "../../sale/describe-onsale-error";
import type { TxErrorDescription } from "../../tx/describe-tx-error";

/**
 * An admitted fan's two steps: sign in with the wallet (SIWE, binds the wallet to this queue
 * place), then ask for the voucher, with the ID number once for a real-name sale. The ID goes to
 * the server only, which keeps nothing but its HMAC; this page does not store it.
 */
export function GetVoucher({
  sale,
  status,
  token,
  indexerUrl,
  onStatus,
  onVoucher,
}: {
  sale: OnsaleSale;
  status: OnsaleEntryStatus;
  token: string;
  indexerUrl: string;
  onStatus: (s: OnsaleEntryStatus) => void;
  onVoucher: (v: OnsaleIssuedVoucher) => void;
}) {
  const config = useConfig();
  const { address, status: walletStatus } = useConnection();
  const [quantityText, setQuantityText] = useState("1");
  const limit = { max: sale.maxPerIdentity, because: `at most ${sale.maxPerIdentity} per person` };
  const quantityCheck = parseQuantity(quantityText, limit);
  const [idNumber, setIdNumber] = useState("");
  const [busy, setBusy] = useState<"sign-in" | "voucher" | null>(null);
  const [error, setError] = useState<TxErrorDescription | null>(null);

  const run = async (step: "sign-in" | "voucher", action: () => Promise<void>) => {
    setBusy(step);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describeOnsaleError(e));
    } finally {
      setBusy(null);
    }
  };

  const signIn = () =>
    run("sign-in", async () => {
      const challenge = await onsaleSignInNonce(indexerUrl, token, window.location.host);
      const message = buildOnsaleSignInMessage(challenge, getAddress(address!));
      const signature = await signMessage(config, { message });
      onStatus(await onsaleSignIn(indexerUrl, token, { message, signature }));
    });

  const getVoucher = () =>
    run("voucher", async () => {
      if (!quantityCheck.ok) return; // the field says why; the button is disabled
      const voucher = await requestVoucher(indexerUrl, token, {
        quantity: quantityCheck.quantity,
        ...(sale.identityRequired ? { idNumber: idNumber.trim() } : {}),
      });
      setIdNumber("");
      onVoucher(voucher);
    });

  const signedIn = status.wallet !== null;
  const wrongWallet =
    signedIn &&
    walletStatus === "connected" &&
    address !== undefined &&
    getAddress(address) !== getAddress(status.wallet!);

  return (
    <section className="panel stack" data-testid="get-voucher">
      <h2>Get your voucher</h2>
      {!signedIn ? (
        <>
          <p>Step 1: sign in with the wallet the tickets should go to. It costs nothing and sends no transaction.</p>
          <button
            type="button"
            className="button"
            data-testid="onsale-sign-in"
            disabled={walletStatus !== "connected" || busy !== null}
            onClick={() => void signIn()}
          >
            {busy === "sign-in" ? "Confirm in your wallet…" : "Sign in with wallet"}
          </button>
          {walletStatus !== "connected" && <p className="muted small">Connect a wallet above first.</p>}
        </>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void getVoucher();
          }}
        >
          <p className="small" data-testid="onsale-signed-in">
            Signed in as <span className="mono">{shortAddress(status.wallet!)}</span>.
          </p>
          {wrongWallet && (
            <p className="notice">
              The connected wallet is not the one you signed in with; the tickets go to {shortAddress(status.wallet!)}.
            </p>
          )}
          <QuantityField
            label={`Tickets (at most ${sale.maxPerIdentity} per person)`}
            text={quantityText}
            limit={limit}
            onText={setQuantityText}
            testId="voucher-quantity"
          />
          {sale.identityRequired && (
            <label className="field">
              ID number (real-name sale: your tickets carry a fingerprint of it, and the gate may ask for the same ID)
              <input
                value={idNumber}
                autoComplete="off"
                inputMode="text"
                maxLength={40}
                data-testid="voucher-id-number"
                onChange={(e) => setIdNumber(e.target.value)}
              />
              <span className="muted small">
                Sent once to the sale server, which keeps only a keyed hash (HMAC) of it, never the number.
              </span>
            </label>
          )}
          <button
            type="submit"
            className="button"
            data-testid="voucher-submit"
            disabled={busy !== null || !quantityCheck.ok || (sale.identityRequired && idNumber.trim() === "")}
          >
            {busy === "voucher" ? "Getting your voucher…" : "Get my voucher"}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert" data-testid="voucher-error" data-error-code={error.code}>
          {error.message}
        </p>
      )}
    </section>
  );
}
