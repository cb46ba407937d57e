/**
 * One contract write the careful way: simulate first (a refusal is decoded before any gas is
 * spent), send, wait for the receipt, and fail loudly if it reverted on chain anyway.
 */
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from "viem";
import { RevertError } from "../errors";
import type { WriteConnection } from "./connect";
import { toCliError } from "./decode-error";

export type ContractTx<abi extends Abi, name extends ContractFunctionName<abi, "nonpayable" | "payable">> = {
  address: Address;
  abi: abi;
  functionName: name;
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", name>;
  value?: bigint;
  /** Words for error messages: "Minting batch 3", "Cancelling the event". */
  action: string;
};

export async function sendContractTx<abi extends Abi, name extends ContractFunctionName<abi, "nonpayable" | "payable">>(
  conn: WriteConnection,
  tx: ContractTx<abi, name>,
  hooks: { onSent?: (hash: Hash) => void | Promise<void> } = {},
): Promise<TransactionReceipt> {
  let hash: Hash;
  try {
    const { request } = await conn.publicClient.simulateContract({
      address: tx.address,
      abi: tx.abi,
      functionName: tx.functionName,
      args: tx.args,
      value: tx.value,
      account: conn.signer.account,
      chain: conn.chain,
    } as never);
    hash = await conn.wallet.writeContract(request as never);
  } catch (error) {
    throw toCliError(error, tx.action);
  }
  await hooks.onSent?.(hash);
  const receipt = await conn.publicClient.waitForTransactionReceipt({ hash, timeout: 300_000 });
  if (receipt.status !== "success") throw new RevertError("Reverted", `${tx.action} reverted on chain in ${hash}.`);
  return receipt;
}
