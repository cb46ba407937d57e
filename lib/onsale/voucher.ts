/** The EIP-712 voucher `EventTicket.claim` redeems: typed data shared by the signer service and tests. */
import { getAddress, type Address, type Hex, type TypedDataDefinition } from "viem";

/** A voucher as JSON carries it (deadline in unix seconds). */
export type OnsaleVoucher = {
  to: Address;
  tier: number;
  quantity: number;
  identityCommitment: Hex;
  nonce: Hex;
  deadline: number;
};

export const voucherTypes = {
  Voucher: [
    { name: "to", type: "address" },
    { name: "tier", type: "uint8" },
    { name: "quantity", type: "uint16" },
    { name: "identityCommitment", type: "bytes32" },
    { name: "nonce", type: "bytes32" },
    { name: "deadline", type: "uint64" },
  ],
} as const;

/** What a signer signs (eth_signTypedData_v4) for `contract` on `chainId`. */
export function voucherTypedData(chainId: number, contract: Address, v: OnsaleVoucher) {
  return {
    domain: { name: "Fairgate EventTicket", version: "1", chainId, verifyingContract: getAddress(contract) },
    types: voucherTypes,
    primaryType: "Voucher",
    message: toContractVoucher(v),
  } satisfies TypedDataDefinition<typeof voucherTypes, "Voucher">;
}

/** The struct `claim(v, signature)` takes. */
export function toContractVoucher(v: OnsaleVoucher) {
  return {
    to: getAddress(v.to),
    tier: v.tier,
    quantity: v.quantity,
    identityCommitment: v.identityCommitment,
    nonce: v.nonce,
    deadline: BigInt(v.deadline),
  };
}
