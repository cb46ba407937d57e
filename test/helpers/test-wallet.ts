import type { BrowserContext } from "playwright-core";

/** What the page asked the wallet, in order: tests assert that a refusal never opened the wallet. */
export type WalletRequest = { method: string; params: unknown };

export type TestWallet = {
  requests: WalletRequest[];
  /** Methods that would open a real wallet's confirmation window. */
  prompts(): WalletRequest[];
  /** Switches the account the wallet exposes (like picking another account in MetaMask). */
  useAccount(address: `0x${string}`): Promise<void>;
};

const PROMPT_METHODS = new Set(["eth_sendTransaction", "personal_sign", "eth_sign", "eth_signTypedData_v4"]);
export const TEST_WALLET_RDNS = "dev.fairgate.testwallet";

/**
 * Injects an EIP-1193 wallet into every page of `context`, announced per EIP-6963 and as
 * `window.ethereum`. Account and chain requests are answered here; everything else goes to the
 * local Hardhat node, which signs for its unlocked accounts, so no private key is involved.
 * Requests travel through a Playwright binding (Node side), so the page needs no CORS from the node.
 */
export async function installTestWallet(
  context: BrowserContext,
  options: { rpcUrl: string; account: `0x${string}`; chainId?: number },
): Promise<TestWallet> {
  const chainId = options.chainId ?? 31337;
  let account = options.account;
  const requests: WalletRequest[] = [];
  let rpcId = 0;
  let authorized = false;

  await context.exposeBinding("__fairgateWalletRpc", async (_source, method: string, params: unknown) => {
    requests.push({ method, params });
    switch (method) {
      case "eth_requestAccounts":
        authorized = true;
        return { result: [account] };
      case "eth_accounts":
        // Like MetaMask: no accounts until the site asked once (remembered across reloads).
        return { result: authorized ? [account] : [] };
      case "eth_chainId":
        return { result: `0x${chainId.toString(16)}` };
      case "net_version":
        return { result: String(chainId) };
      case "wallet_switchEthereumChain":
      case "wallet_addEthereumChain":
      case "wallet_watchAsset":
        return { result: null };
      case "wallet_requestPermissions":
      case "wallet_getPermissions":
        return { result: [{ parentCapability: "eth_accounts" }] };
      case "wallet_revokePermissions":
        return { result: null };
    }
    const forwardedParams =
      method === "eth_sendTransaction" && Array.isArray(params)
        ? [{ from: account, ...(params[0] as object) }]
        : params;
    const response = await fetch(options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params: forwardedParams ?? [] }),
    });
    const body = (await response.json()) as {
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
    return body.error ? { error: body.error } : { result: body.result };
  });

  // A string, not a function: test runners' transforms (esbuild keepNames) add helpers such as
  // `__name` to functions, which do not exist in the page.
  await context.addInitScript(walletScript(TEST_WALLET_RDNS));

  return {
    requests,
    prompts: () => requests.filter((r) => PROMPT_METHODS.has(r.method)),
    async useAccount(address) {
      account = address;
      for (const page of context.pages()) {
        await page
          .evaluate(`window.__fairgateTestWallet.emit("accountsChanged", [${JSON.stringify(address)}])`)
          .catch(() => {});
      }
    },
  };
}

/** The in-page half: an EIP-1193 provider that forwards to the Node binding, announced per EIP-6963. */
function walletScript(rdns: string): string {
  return `(() => {
  const listeners = new Map();
  const call = window.__fairgateWalletRpc;
  const provider = {
    isFairgateTestWallet: true,
    async request({ method, params }) {
      const answer = await call(method, params ?? []);
      if (answer.error) {
        const error = new Error(answer.error.message);
        error.code = answer.error.code;
        error.data = answer.error.data;
        throw error;
      }
      return answer.result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
  };
  Object.defineProperty(window, "ethereum", { value: provider, configurable: true });
  window.__fairgateTestWallet = provider;
  const info = Object.freeze({
    uuid: "3b1c1c49-8a5d-4f0e-9a57-0c4f6e9d1e01",
    name: "Fairgate Test Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E",
    rdns: ${JSON.stringify(rdns)},
  });
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;
}
