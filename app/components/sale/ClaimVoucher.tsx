"use client";

import Link from "next/link";
import { getAddress } from "viem";
import { useConfig, useConnection } from "wagmi";
import { simulateContract } from "wagmi/actions";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { toContractVoucher } from "../../../lib/onsale/voucher";
import type { OnsaleIssuedVoucher } from "../../../lib/onsale/types";
import { formatEth } from "../../format/ticket-words";
import { shortAddress } from "../../format/short-address";
import { useContractTx } from "../../hooks/useContractTx";
import { TxStatus } from "../TxStatus";

/**
 * Redeems the voucher on chain: `claim(voucher, signature)` paying face value. The simulation
 * runs first, so a used, expired or over-cap voucher is refused in words before the wallet opens.
 */
export function ClaimVoucher({ issued }: { issued: OnsaleIssuedVoucher }) {
  const config = useConfig();
  const { address, status } = useConnection();
  const tx = useContractTx();
  const v = issued.voucher;
  const value = BigInt(issued.price);
  const expires = new Date(v.deadline * 1000);
  const wrongWallet = status === "connected" && address !== undefined && getAddress(address) !== getAddress(v.to);

  const claim = () =>
    tx.send(`Buying ${v.quantity} ticket${v.quantity === 1 ? "" : "s"} with your voucher`, () =>
      simulateContract(config, {
        address: issued.contract,
        abi: eventTicketAbi,
        functionName: "claim",
        args: [toContractVoucher(v), issued.signature],
        value,
        account: address,
      }),
    );

  return (
    <section className="panel stack" data-testid="claim-voucher" data-quantity={v.quantity}>
      <h2>Buy with your voucher</h2>
      <dl className="kv">
        <dt>Tickets</dt>
        <dd>{v.quantity}</dd>
        <dt>Price</dt>
        <dd data-testid="voucher-price">{formatEth(value)}</dd>
        <dt>For wallet</dt>
        <dd className="mono">{shortAddress(v.to)}</dd>
        <dt>Valid until</dt>
        <dd>{expires.toLocaleTimeString()}</dd>
        {v.identityCommitment !== `0x${"0".repeat(64)}` && (
          <>
            <dt>Named</dt>
            <dd>Yes: the tickets carry a fingerprint of your ID</dd>
          </>
        )}
      </dl>
      {wrongWallet && (
        <p className="notice">Connect the wallet {shortAddress(v.to)}: the voucher is for that wallet.</p>
      )}
      <button
        type="button"
        className="button"
        data-testid="claim-submit"
        disabled={status !== "connected" || tx.busy || tx.state.status === "confirmed"}
        onClick={() => void claim()}
      >
        Buy {v.quantity} ticket{v.quantity === 1 ? "" : "s"} for {formatEth(value)}
      </button>
      <TxStatus state={tx.state} testId="claim-status" receipt />
      {tx.state.status === "confirmed" && (
        <p data-testid="claim-done">
          Done. <Link href="/">See your tickets</Link>
        </p>
      )}
    </section>
  );
}
