/**
 * How many recipients one mint transaction can carry: the contract's MAX_BATCH, shrunk until
 * the estimated gas fits under a cap (default half the block gas limit, so a batch still gets
 * into a busy block). Estimated with the real first recipients, since new wallets cost more.
 * A provider may throw on an estimate over the block gas limit instead of returning a number:
 * then the size is found by binary search between what fits and what threw. A revert the
 * contract explains (sold out, not the organizer) stops at once: a smaller batch would not help.
 */
import { BaseError, ContractFunctionRevertedError, type Address } from "viem";
import { ORGANIZER_CHANNEL } from "../../../lib/channels";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { WriteConnection } from "../chain/connect";
import { toCliError } from "../chain/decode-error";
import { CliError } from "../errors";

export type BatchSizePlan = { size: number; estimatedGas: bigint; gasCap: bigint; maxBatch: number };

type Estimate = { gas: bigint } | { error: unknown };

/** Probes at most this many sizes (binary search over MAX_BATCH ≤ 500 needs 9). */
const MAX_PROBES = 16;

export async function planBatchSize(
  conn: Pick<WriteConnection, "publicClient" | "signer">,
  opts: {
    event: Address;
    tier: number;
    channel?: number;
    recipients: Address[];
    maxSize?: number;
    gasCap?: bigint;
  },
): Promise<BatchSizePlan> {
  const maxBatch = Number(
    await conn.publicClient.readContract({ address: opts.event, abi: eventTicketAbi, functionName: "MAX_BATCH" }),
  );
  const gasCap = opts.gasCap ?? (await conn.publicClient.getBlock()).gasLimit / 2n;
  const estimate = async (size: number): Promise<Estimate> => {
    try {
      return {
        gas: await conn.publicClient.estimateContractGas({
          address: opts.event,
          abi: eventTicketAbi,
          functionName: "mintTier",
          args: [opts.tier, opts.channel ?? ORGANIZER_CHANNEL, opts.recipients.slice(0, size)],
          account: conn.signer.account,
        }),
      };
    } catch (e) {
      if (explainedRevert(e)) throw toCliError(e, "Estimating the mint gas");
      return { error: e };
    }
  };

  // `fits`: the largest size known to fit under the cap (0: none yet); `over`: the smallest known not to.
  let fits = 0;
  let fitsGas = 0n;
  let over = Math.min(maxBatch, opts.maxSize ?? maxBatch, opts.recipients.length) + 1;
  let size = over - 1;
  let lastError: unknown;
  let bisecting = false;
  for (let probe = 0; probe < MAX_PROBES && size > fits && size < over; probe++) {
    const result = await estimate(size);
    if ("gas" in result && result.gas <= gasCap) {
      // The first size tried, or a linear guess from a real estimate, is close enough: take it.
      if (!bisecting) return { size, estimatedGas: result.gas, gasCap, maxBatch };
      fits = size;
      fitsGas = result.gas;
    } else {
      over = size;
      if ("error" in result) {
        lastError = result.error;
        bisecting = true;
      }
    }
    // Gas grows about linearly with recipients: from a number aim 5 % under the cap; from a throw, bisect.
    size =
      "gas" in result && result.gas > gasCap
        ? Math.max(fits + 1, Math.min(over - 1, Math.floor((size * Number(gasCap) * 0.95) / Number(result.gas))))
        : Math.floor((fits + over) / 2);
  }
  if (fits > 0) return { size: fits, estimatedGas: fitsGas, gasCap, maxBatch };
  if (lastError !== undefined) throw toCliError(lastError, "Estimating the mint gas (even a one-ticket batch)");
  throw new CliError("GAS_CAP", `Even a one-ticket mint needs more gas than the cap of ${gasCap}.`);
}

/** A revert the contract names (a custom error or a reason): the batch size is not the problem. */
function explainedRevert(e: unknown): boolean {
  if (!(e instanceof BaseError)) return false;
  const r = e.walk((x) => x instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  return Boolean(r && (r.data?.errorName || r.reason));
}
