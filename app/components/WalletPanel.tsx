"use client";

import { useState } from "react";
import {
  useChains,
  useConnect,
  useConnection,
  useConnectors,
  useDisconnect,
  useSwitchChain,
  type Connector,
} from "wagmi";
import {
  isLocalTestAccount,
  isMissingWalletConnectProvider,
  LOCAL_TEST_ACCOUNTS,
  WALLETCONNECT_PROVIDER_PACKAGE,
} from "../config/wagmi";
import { shortAddress } from "../format/short-address";
import { useIsMounted } from "../hooks/useIsMounted";

/**
 * Wallets to offer: EIP-6963 browser wallets by name, the generic injected one only when none
 * announced itself, then WalletConnect when configured.
 */
function browserWallets(connectors: readonly Connector[]): Connector[] {
  const wallets = connectors.filter((connector) => !isLocalTestAccount(connector));
  const remote = wallets.filter((connector) => connector.type === "walletConnect");
  const inBrowser = wallets.filter((connector) => connector.type !== "walletConnect");
  const announced = inBrowser.filter((connector) => connector.id !== "injected");
  return [...(announced.length > 0 ? announced : inBrowser), ...remote];
}

function errorText(error: Error): string {
  if (isMissingWalletConnectProvider(error)) {
    return `WalletConnect is configured, but this build does not include ${WALLETCONNECT_PROVIDER_PACKAGE}. Use a browser wallet, or ask the operator to install that package.`;
  }
  if (error.name === "ProviderNotFoundError") {
    return "No browser wallet found. Install one (e.g. MetaMask) or use a local test account.";
  }
  return (error as Error & { shortMessage?: string }).shortMessage ?? error.message;
}

/** Connect / disconnect: a browser wallet, or on the local chain one of Hardhat's test accounts. */
export function WalletPanel() {
  const mounted = useIsMounted();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  const [chain] = useChains();
  const [localIndex, setLocalIndex] = useState(0);

  // "connecting" without a pending click is wagmi restoring the last session after a reload.
  const restoring = connection.status === "reconnecting" || (connection.status === "connecting" && !connect.isPending);
  if (!mounted || restoring) {
    return (
      <section className="panel wallet" data-testid="wallet-panel" aria-busy="true">
        <p className="muted">Looking for your wallet…</p>
      </section>
    );
  }

  if (connection.status === "connected") {
    const wrongChain = chain !== undefined && connection.chainId !== chain.id;
    return (
      <section className="panel wallet" data-testid="wallet-panel">
        <div className="wallet-connected">
          <div>
            <div className="muted small">Connected with {connection.connector.name}</div>
            <div className="address" data-testid="connected-address" title={connection.address}>
              {shortAddress(connection.address)}
            </div>
          </div>
          <button
            type="button"
            className="button secondary"
            data-testid="disconnect"
            onClick={() => disconnect.mutate({ connector: connection.connector })}
          >
            Disconnect
          </button>
        </div>
        {wrongChain && (
          <p className="notice" data-testid="wrong-chain">
            Your wallet is on chain {connection.chainId}; Fairgate runs on {chain.name} ({chain.id}).{" "}
            <button
              type="button"
              className="link-button"
              data-testid="switch-chain"
              disabled={switchChain.isPending}
              onClick={() => switchChain.mutate({ chainId: chain.id })}
            >
              Switch network
            </button>
          </p>
        )}
      </section>
    );
  }

  const wallets = browserWallets(connectors);
  const localAccounts = connectors.filter(isLocalTestAccount);
  const localConnector = localAccounts[localIndex];
  const pendingId = connect.isPending ? connect.variables?.connector : undefined;
  const pending = (connector: Connector) => typeof pendingId === "object" && pendingId.uid === connector.uid;

  return (
    <section className="panel wallet" data-testid="wallet-panel">
      <h2>Connect a wallet</h2>
      <p className="muted">Your tickets live in your wallet. Connect it to see them.</p>
      <div className="wallet-options">
        {wallets.map((connector) => (
          <button
            key={connector.uid}
            type="button"
            className="button"
            data-testid={`connect-${connector.id}`}
            disabled={connect.isPending}
            onClick={() => connect.mutate({ connector })}
          >
            {pending(connector) ? "Connecting…" : connector.id === "injected" ? "Browser wallet" : connector.name}
          </button>
        ))}
      </div>

      {localAccounts.length > 0 && (
        <div className="local-accounts" data-testid="local-accounts">
          <label htmlFor="local-account">No wallet? Use a local test account (Hardhat chain only):</label>
          <div className="local-accounts-row">
            <select
              id="local-account"
              data-testid="local-account-select"
              value={localIndex}
              onChange={(event) => setLocalIndex(Number(event.target.value))}
            >
              {localAccounts.map((connector, index) => (
                <option key={connector.uid} value={index}>
                  #{index} {LOCAL_TEST_ACCOUNTS[index] ? shortAddress(LOCAL_TEST_ACCOUNTS[index]) : ""}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button secondary"
              data-testid="connect-local"
              disabled={connect.isPending || localConnector === undefined}
              onClick={() => localConnector && connect.mutate({ connector: localConnector })}
            >
              {localConnector && pending(localConnector) ? "Connecting…" : "Use test account"}
            </button>
          </div>
        </div>
      )}

      {connect.error && (
        <p className="error" role="alert" data-testid="connect-error">
          {errorText(connect.error)}
        </p>
      )}
    </section>
  );
}
