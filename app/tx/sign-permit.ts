import type { Address, Hex } from "viem";
import { getEip712Domain } from "viem/actions";
import type { Config } from "wagmi";
import { getPublicClient, readContract, signTypedData } from "wagmi/actions";
import { erc20PermitAbi, permitTypedData, permitVrs } from "../../lib/currency/permit";

/** How long a permit signed in the app stays valid: long enough to confirm, short if it leaks. */
const PERMIT_SECONDS = 20 * 60;

/**
 * Asks the wallet for an EIP-2612 permit letting `spender` take `value` of `token` from `owner`: the
 * one signature of a stablecoin purchase (the transaction that uses it is the other step). The
 * token's EIP-712 domain comes from its ERC-5267 `eip712Domain()`.
 *
 * @example
 * const p = await signPermit(config, { token, owner: me, spender: event.address, value: price });
 * simulateContract(config, { …, functionName: "buyWithPermit", args: [tier, qty, p.deadline, p.v, p.r, p.s] });
 */
export async function signPermit(
  config: Config,
  p: { token: Address; owner: Address; spender: Address; value: bigint },
): Promise<{ deadline: bigint; v: number; r: Hex; s: Hex }> {
  const client = getPublicClient(config);
  if (!client) throw new Error("No chain connection to read the token's permit domain.");
  const { domain } = await getEip712Domain(client, { address: p.token });
  const nonce = await readContract(config, {
    address: p.token,
    abi: erc20PermitAbi,
    functionName: "nonces",
    args: [p.owner],
  });
  const deadline = BigInt(Math.floor(Date.now() / 1000) + PERMIT_SECONDS);
  const signature = await signTypedData(config, {
    account: p.owner,
    ...permitTypedData({
      domain: {
        name: domain.name,
        version: domain.version,
        chainId: domain.chainId,
        verifyingContract: domain.verifyingContract,
      },
      owner: p.owner,
      spender: p.spender,
      value: p.value,
      nonce,
      deadline,
    }),
  });
  return { deadline, ...permitVrs(signature) };
}
