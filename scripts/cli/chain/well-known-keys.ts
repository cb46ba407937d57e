/**
 * Hardhat's (and Anvil's) default accounts come from a mnemonic printed in every tutorial, so
 * anyone can spend from them. Derived here rather than listed, so no key sits in the repository.
 */
import { mnemonicToAccount } from "viem/accounts";
import type { Address } from "viem";

const PUBLIC_TEST_MNEMONIC = "test test test test test test test test test test test junk";
const ACCOUNTS = 20;

let cached: Set<string> | undefined;

/** The first 20 addresses of the public test mnemonic (lower case). */
export function wellKnownTestAddresses(): Set<string> {
  cached ??= new Set(
    Array.from({ length: ACCOUNTS }, (_, addressIndex) =>
      mnemonicToAccount(PUBLIC_TEST_MNEMONIC, { addressIndex }).address.toLowerCase(),
    ),
  );
  return cached;
}

export function isWellKnownTestAccount(address: Address): boolean {
  return wellKnownTestAddresses().has(address.toLowerCase());
}
