"use client";

import { useCallback, useEffect, useState } from "react";
import { getAddress, type Address } from "viem";
import { useConfig } from "wagmi";
import { signMessage } from "wagmi/actions";
import { buildDelegationMessage, exportDevicePublicKey, keyIdOf, signDelegationProof } from "../../lib/pass";
import { requestDelegation, submitDelegation } from "../../lib/indexer-client/pass";
import { loadOrCreateDeviceKey } from "../pass/device-key-store";
import { readDelegation, saveDelegation, type StoredDelegation } from "../pass/delegation-store";
import { describeTxError } from "../tx/describe-tx-error";
import { useRuntimeConfig } from "./useRuntimeConfig";

export type PassDevice =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "needs-delegation"; delegating: boolean; error?: string }
  | { status: "ready"; keys: CryptoKeyPair; keyId: Uint8Array; delegation: StoredDelegation };

/**
 * This phone's pass key and its delegation for one event. The key lives in IndexedDB and the
 * delegation in localStorage, so after a reload the pass shows again without a wallet signature
 * until the delegation expires; only then (or on a new phone) does `delegate()` ask the wallet.
 */
export function usePassDevice(contract: Address) {
  const config = useConfig();
  const { indexerUrl, chainId } = useRuntimeConfig();
  const [state, setState] = useState<PassDevice>({ status: "loading" });
  const [keys, setKeys] = useState<{ pair: CryptoKeyPair; publicKey: string; keyId: Uint8Array } | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const pair = await loadOrCreateDeviceKey();
      const publicKey = await exportDevicePublicKey(pair.publicKey);
      const keyId = await keyIdOf(publicKey);
      if (!live) return;
      setKeys({ pair, publicKey, keyId });
      const stored = readDelegation(localStorage, chainId, contract, publicKey);
      setState(
        stored
          ? { status: "ready", keys: pair, keyId, delegation: stored }
          : { status: "needs-delegation", delegating: false },
      );
    })().catch(
      (error: unknown) =>
        live &&
        setState({ status: "error", message: `This browser cannot keep a pass key: ${(error as Error).message}` }),
    );
    return () => {
      live = false;
    };
  }, [chainId, contract]);

  const delegate = useCallback(
    async (holder: Address) => {
      if (!keys) return;
      setState({ status: "needs-delegation", delegating: true });
      try {
        const request = await requestDelegation(indexerUrl, contract, window.location.host);
        const message = buildDelegationMessage(request, getAddress(holder), keys.publicKey);
        const signature = await signMessage(config, { message });
        // The non-extractable pass key signs the same message: proof that this phone holds it.
        const deviceSignature = await signDelegationProof(keys.pair.privateKey, message);
        const result = await submitDelegation(indexerUrl, message, signature, deviceSignature);
        const delegation = {
          chainId,
          contract,
          holder: result.holder,
          publicKey: keys.publicKey,
          expiresAt: result.expiresAt,
        };
        saveDelegation(localStorage, delegation);
        setState({ status: "ready", keys: keys.pair, keyId: keys.keyId, delegation });
      } catch (error) {
        const message = (error as { shortMessage?: string }).shortMessage ?? describeTxError(error).message;
        setState({ status: "needs-delegation", delegating: false, error: message });
      }
    },
    [chainId, config, contract, indexerUrl, keys],
  );

  return { state, delegate };
}
