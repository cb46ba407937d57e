import { parseSignature, type Address, type Hex, type TypedDataDomain } from "viem";

/** EIP-2612 `Permit` typed data for `owner` letting `spender` take `value` until `deadline`. */
export function permitTypedData(p: {
  domain: TypedDataDomain;
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}) {
  return {
    domain: p.domain,
    types: {
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    primaryType: "Permit",
    message: { owner: p.owner, spender: p.spender, value: p.value, nonce: p.nonce, deadline: p.deadline },
  } as const;
}

/** A 65-byte signature as the `(v, r, s)` that `buyWithPermit`, `buyWithPermit` (market) and `joinWithPermit` take. */
export function permitVrs(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { r, s, yParity, v } = parseSignature(signature);
  return { v: v !== undefined ? Number(v) : 27 + yParity, r, s };
}

/** The EIP-2612 reads a signer needs besides ERC-20's. */
export const erc20PermitAbi = [
  {
    type: "function",
    name: "nonces",
    stateMutability: "view",
    inputs: [{ name: "owner", type: "address" }],
    outputs: [{ name: "", type: "uint256" }],
  },
] as const;
