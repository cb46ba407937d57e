/** Tier face value and remaining supply from the contract (face/supply cached forever, minted for 1 s). */
import { getAddress, type Address, type PublicClient } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { OnsaleError } from "../onsale-error";

export type TierSupply = { faceValue: bigint; remaining: number };
export type TierSupplyReader = (contract: string, tier: number) => Promise<TierSupply>;

export function createTierSupplyReader(client: PublicClient, mintedTtlMs = 1_000): TierSupplyReader {
  const configs = new Map<string, Promise<{ faceValue: bigint; supply: number }>>();
  const minted = new Map<string, { at: number; value: Promise<bigint> }>();
  return async (contractText, tier) => {
    const contract: Address = getAddress(contractText);
    const key = `${contract}:${tier}`;
    try {
      let config = configs.get(key);
      if (!config) {
        config = client.readContract({ address: contract, abi: eventTicketAbi, functionName: "tier", args: [tier] });
        configs.set(key, config);
        config.catch(() => configs.delete(key));
      }
      let m = minted.get(key);
      if (!m || performance.now() - m.at > mintedTtlMs) {
        m = {
          at: performance.now(),
          value: client.readContract({
            address: contract,
            abi: eventTicketAbi,
            functionName: "tierMinted",
            args: [tier],
          }),
        };
        minted.set(key, m);
      }
      const [{ faceValue, supply }, count] = await Promise.all([config, m.value]);
      return { faceValue, remaining: Math.max(0, supply - Number(count)) };
    } catch (err) {
      minted.delete(key);
      throw new OnsaleError("CHAIN_UNAVAILABLE", (err as Error).message.split("\n")[0]);
    }
  };
}
