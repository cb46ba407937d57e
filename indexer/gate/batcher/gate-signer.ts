/**
 * The account that sends `EventTicket.checkIn` batches (it must hold GATE_ROLE on each event).
 * A private key (GATE_SIGNER_KEY, or GATE_SIGNER_KEY_FILE) signs locally, so the batcher knows a
 * transaction's hash before broadcasting it; on the local chain (31337) an unlocked node account
 * (GATE_SIGNER_ADDRESS) may sign instead. The key is never logged or echoed.
 */
import { readFileSync } from "node:fs";
import { createWalletClient, http, webSocket, type Address, type Chain, type Hex, type WalletClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID } from "../../../lib/chain";

export type GateSigner = {
  address: Address;
  wallet: WalletClient;
  /** True when the key is in this process (transactions are signed here, hash known before sending). */
  signsLocally: boolean;
};

export type GateSignerSource = { kind: "key"; privateKey: Hex } | { kind: "node-account"; address: Address };

export class GateSignerError extends Error {
  override name = "GateSignerError";
}

const KEY_RE = /^0x[0-9a-fA-F]{64}$/;

/** Reads a 0x-prefixed 32-byte hex key from a file (trailing whitespace ignored). */
export function readSignerKeyFile(path: string): Hex {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (err) {
    throw new GateSignerError(
      `GATE_SIGNER_KEY_FILE ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  // Never include the file's content in the message.
  if (!KEY_RE.test(text))
    throw new GateSignerError(`GATE_SIGNER_KEY_FILE ${path} must hold one 0x-prefixed 32-byte hex key`);
  return text as Hex;
}

export function isSignerKey(value: string): value is Hex {
  return KEY_RE.test(value);
}

export function createGateSigner(source: GateSignerSource, chain: Chain, rpcUrl: string): GateSigner {
  const transport = rpcUrl.startsWith("ws") ? webSocket(rpcUrl) : http(rpcUrl, { timeout: 15_000 });
  if (source.kind === "key") {
    const account = privateKeyToAccount(source.privateKey);
    return { address: account.address, wallet: createWalletClient({ chain, account, transport }), signsLocally: true };
  }
  if (chain.id !== LOCAL_CHAIN_ID) {
    throw new GateSignerError(
      `GATE_SIGNER_ADDRESS (a node account) is only for the local chain ${LOCAL_CHAIN_ID}; set GATE_SIGNER_KEY or GATE_SIGNER_KEY_FILE`,
    );
  }
  return {
    address: source.address,
    wallet: createWalletClient({ chain, account: source.address, transport }),
    signsLocally: false,
  };
}
