/**
 * How many recipients one mint transaction can carry: the contract's MAX_BATCH, shrunk until
 * the estimated gas fits under a cap (default half the block gas limit, so a batch still gets
 * into a busy block). Estimated with the real first recipients, since new wallets cost more.
 */
import type { Address } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { WriteConnection } from "../chain/connect";
import { toCliError } from "../chain/decode-error";
import { CliError } from "../errors";

export type BatchSizePlan = { size: number; estimatedGas: bigint; gasCap: bigint; maxBatch: number };

export async function planBatchSize(
  conn: WriteConnection,
  opts: { event: Address; tier: number; recipients: Address[]; maxSize?: number; gasCap?: bigint },
): Promise<BatchSizePlan> {
  const maxBatch = Number(await conn.publicClient.readContract({ address: opts.event, abi: eventTicketAbi, functionName: "MAX_BATCH" }));
  const gasCap = opts.gasCap ?? (await conn.publicClient.getBlock()).gasLimit / 2n;
  let size = Math.min(maxBatch, opts.maxSize ?? maxBatch, opts.recipients.length);
  for (let attempt = 0; attempt < 8 && size >= 1; attempt++) {
    let estimatedGas: bigint;
    try {
      estimatedGas = await conn.publicClient.estimateContractGas({
        address: opts.event,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [opts.tier, opts.recipients.slice(0, size)],
        account: conn.signer.account,
      });
    } catch (e) {
      throw toCliError(e, "Estimating the mint gas");
    }
    if (estimatedGas <= gasCap) return { size, estimatedGas, gasCap, maxBatch };
    // Gas grows about linearly with recipients; aim 5% under the cap and check again.
    size = Math.max(1, Math.min(size - 1, Math.floor((size * Number(gasCap) * 0.95) / Number(estimatedGas))));
  }
  throw new CliError("GAS_CAP", `Even a one-ticket mint needs more gas than the cap of ${gasCap}.`);
}
