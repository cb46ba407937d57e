/**
 * Who signs: a configured key (DEPLOYER_PRIVATE_KEY or an encrypted JSON keystore) on any chain,
 * or, on the local chain only, one of the node's unlocked accounts (no key needed).
 */
import { readFile } from "node:fs/promises";
import { Wallet } from "ethers";
import type { Account, Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { LOCAL_CHAIN_ID } from "../../../lib/chain";
import type { CliConfig } from "../cli-config";
import { ConfigError } from "../errors";
import { isWellKnownTestAccount } from "./well-known-keys";

export type Signer = {
  address: Address;
  /** A local account (signs in this process) or a node account's address (the node signs). */
  account: Account | Address;
  source: "private-key" | "keystore" | "node-account";
};

/**
 * @param nodeAccounts the node's `eth_accounts`, needed only when no key is configured.
 * @example const signer = await resolveSigner(config, () => walletClient.getAddresses());
 */
export async function resolveSigner(config: CliConfig, nodeAccounts: () => Promise<Address[]>): Promise<Signer> {
  const local = await localAccount(config);
  if (local) {
    if (config.chainId !== LOCAL_CHAIN_ID && isWellKnownTestAccount(local.account.address)) {
      throw new ConfigError(
        `Refusing to sign on chain ${config.chainId} with ${local.account.address}: it is one of Hardhat's public test accounts, whose keys everyone knows. Use your own key.`,
      );
    }
    return { address: local.account.address, account: local.account, source: local.source };
  }
  if (config.chainId !== LOCAL_CHAIN_ID) {
    throw new ConfigError(
      `No signing key for chain ${config.chainId}: set DEPLOYER_PRIVATE_KEY or DEPLOYER_KEYSTORE (+ DEPLOYER_KEYSTORE_PASSWORD or _FILE).`,
    );
  }
  const accounts = await nodeAccounts();
  const address = accounts[config.accountIndex];
  if (!address) {
    throw new ConfigError(
      `The node has ${accounts.length} unlocked accounts; FAIRGATE_ACCOUNT / --account ${config.accountIndex} is not one of them.`,
    );
  }
  return { address, account: address, source: "node-account" };
}

async function localAccount(config: CliConfig): Promise<{ account: Account; source: Signer["source"] } | undefined> {
  if (config.privateKey) return { account: privateKeyToAccount(config.privateKey), source: "private-key" };
  if (!config.keystore) return undefined;
  const { file, passwordFile } = config.keystore;
  const json = await readFile(file, "utf8").catch((e: Error) => {
    throw new ConfigError(`Cannot read DEPLOYER_KEYSTORE ${file}: ${e.message}`);
  });
  let password = config.keystore.password;
  if (password === undefined && passwordFile) {
    password = (
      await readFile(passwordFile, "utf8").catch((e: Error) => {
        throw new ConfigError(`Cannot read DEPLOYER_KEYSTORE_PASSWORD_FILE ${passwordFile}: ${e.message}`);
      })
    ).replace(/\r?\n$/, "");
  }
  if (password === undefined)
    throw new ConfigError(
      "DEPLOYER_KEYSTORE is set but neither DEPLOYER_KEYSTORE_PASSWORD nor DEPLOYER_KEYSTORE_PASSWORD_FILE is.",
    );
  try {
    const wallet = await Wallet.fromEncryptedJson(json, password);
    return { account: privateKeyToAccount(wallet.privateKey as `0x${string}`), source: "keystore" };
  } catch (e) {
    const why =
      e instanceof Error && /password/i.test(e.message) ? "wrong password" : e instanceof Error ? e.message : String(e);
    throw new ConfigError(`Cannot decrypt keystore ${file}: ${why}.`);
  }
}
