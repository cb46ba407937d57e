/**
 * The check-in signer of the local stack: one of the node's public test accounts, granted GATE_ROLE on the
 * demo events, so the indexer's batcher writes gate admissions on chain (`EventTicket.checkIn`) as it would in
 * production. The node signs for it (GATE_SIGNER_ADDRESS, chain 31337 only): no key appears anywhere.
 */
import { keccak256, toHex, type Address } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { localClients } from "./local-clients";

/** The node's last test account (#19): no demo, fan or test flow uses it, so its nonces are the batcher's alone. */
export const LOCAL_GATE_SIGNER_INDEX = 19;

export const GATE_ROLE = keccak256(toHex("GATE_ROLE"));

/**
 * Grants GATE_ROLE on each event (the organizer is account #0) to the local gate signer.
 *
 * @example
 * const { signer, indexerEnv } = await grantLocalGateSigner(rpcUrl, [demo.ticket]);
 */
export async function grantLocalGateSigner(
  rpcUrl: string,
  tickets: readonly Address[],
): Promise<{ signer: Address; indexerEnv: Record<string, string> }> {
  const { publicClient, accounts, wallet } = await localClients(rpcUrl);
  const signer = accounts[LOCAL_GATE_SIGNER_INDEX];
  if (!signer)
    throw new Error(
      `The local node has ${accounts.length} accounts; the check-in signer is account #${LOCAL_GATE_SIGNER_INDEX}.`,
    );
  const organizer = wallet(accounts[0]!);
  for (const ticket of tickets) {
    const hash = await organizer.writeContract({
      address: ticket,
      abi: eventTicketAbi,
      functionName: "grantRole",
      args: [GATE_ROLE, signer],
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`granting GATE_ROLE on ${ticket} to ${signer} reverted`);
  }
  return { signer, indexerEnv: { GATE_SIGNER_ADDRESS: signer } };
}
