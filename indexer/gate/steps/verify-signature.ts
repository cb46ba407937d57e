/**
 * Step 8: the signature is the message address's. viem's verifyMessage covers EOAs (local
 * ECDSA recovery first, no RPC) and smart accounts (EIP-1271, ERC-6492 via one eth_call).
 */
import type { Address, Hex, PublicClient } from "viem";
import { GateDenial } from "../gate-denial";

export async function verifySignature(client: PublicClient, address: Address, message: string, signature: Hex): Promise<void> {
  let valid: boolean;
  try {
    valid = await client.verifyMessage({ address, message, signature, mode: "eoa" });
  } catch {
    // Not a verdict on the signature: the chain could not be asked (contract wallet, RPC down).
    throw new GateDenial("INDEXER_STALE", "could not reach the chain to verify a contract-wallet signature");
  }
  if (!valid) throw new GateDenial("BAD_SIGNATURE", `signature is not valid for ${address}`);
}
