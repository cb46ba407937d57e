/**
 * Who signs vouchers: a private key (ONSALE_SIGNER_KEY / _FILE), or on the local chain an
 * unlocked node account (eth_signTypedData_v4). The event's `voucherSigner` must be this address.
 */
import { createWalletClient, custom, type Address, type Hex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { voucherTypedData, type OnsaleVoucher } from "../../../lib/onsale/voucher";
import { identityBindingTypedData, type IdentityBinding } from "../../../lib/identity/identity-binding";

export type VoucherSigner = {
  address: Address;
  sign(chainId: number, contract: Address, voucher: OnsaleVoucher): Promise<Hex>;
  /** Attests an identity binding (`EventTicket.bindIdentity`); same key as vouchers. */
  signBinding(chainId: number, contract: Address, binding: IdentityBinding): Promise<Hex>;
};

export function privateKeyVoucherSigner(key: Hex): VoucherSigner {
  const account = privateKeyToAccount(key);
  return {
    address: account.address,
    sign: (chainId, contract, voucher) => account.signTypedData(voucherTypedData(chainId, contract, voucher)),
    signBinding: (chainId, contract, binding) =>
      account.signTypedData(identityBindingTypedData(chainId, contract, binding)),
  };
}

/** A node-managed account (local Hardhat node only: the node holds the key). */
export function nodeAccountVoucherSigner(client: PublicClient, address: Address): VoucherSigner {
  // Through the indexer's own client, so it works over HTTP, WebSocket or an in-process node alike.
  const wallet = createWalletClient({
    account: address,
    transport: custom({ request: (args) => client.request(args as never) }),
  });
  return {
    address,
    sign: (chainId, contract, voucher) =>
      wallet.signTypedData({ account: address, ...voucherTypedData(chainId, contract, voucher) }),
    signBinding: (chainId, contract, binding) =>
      wallet.signTypedData({ account: address, ...identityBindingTypedData(chainId, contract, binding) }),
  };
}
