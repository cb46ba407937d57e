/**
 * A demo event priced in a stablecoin: deploys a 6-decimal mock USD with EIP-2612 permit
 * (contracts/test/mocks/MockUSD.sol, local chains only), creates an event priced in it and funds
 * the demo fan accounts, so fans can buy with one permit signature plus one transaction.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseEventLogs, type Abi, type Address, type Hex } from "viem";
import { ticketFactoryAbi } from "../lib/generated/abis";
import { repoRoot } from "./lib/build-contracts";
import { localClients } from "./lib/local-clients";

export type StablecoinDemoEvent = {
  ticket: Address;
  name: string;
  token: Address;
  symbol: string;
  decimals: number;
  funded: Address[];
};

const USD = 1_000_000n;
export const STABLECOIN_DEMO_TIERS = [
  { faceValue: 25n * USD, supply: 300, zones: 1, mode: 0, resaleCapBps: 11_000, voucherOnly: false, reserved: false },
  { faceValue: 60n * USD, supply: 40, zones: 3, mode: 1, resaleCapBps: 10_000, voucherOnly: false, reserved: false },
] as const;
/** Each funded fan account gets this much mock USD. */
export const DEMO_FAN_USD = 1_000n * USD;

async function mockUsdArtifact(): Promise<{ abi: Abi; bytecode: Hex }> {
  const file = join(repoRoot, "artifacts", "contracts", "test", "mocks", "MockUSD.sol", "MockUSD.json");
  return JSON.parse(await readFile(file, "utf8")) as { abi: Abi; bytecode: Hex };
}

export async function createStablecoinDemoEvent(options: {
  rpcUrl: string;
  factory: Address;
  name?: string;
  fans?: number[];
}): Promise<StablecoinDemoEvent> {
  const { publicClient, accounts, wallet } = await localClients(options.rpcUrl);
  const organizer = accounts[0]!;
  const mined = async (hash: Hex) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`demo stablecoin transaction ${hash} reverted`);
    return receipt;
  };
  const artifact = await mockUsdArtifact();
  const token = (
    await mined(await wallet(organizer).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode }))
  ).contractAddress!;
  const funded = (options.fans ?? [1, 2, 3, 4]).map((i) => accounts[i]!).filter(Boolean);
  for (const fan of funded) {
    await mined(
      await wallet(organizer).writeContract({
        address: token,
        abi: artifact.abi,
        functionName: "mint",
        args: [fan, DEMO_FAN_USD],
      }),
    );
  }
  const name = options.name ?? "Fairgate Live: Stablecoin Night";
  const startTime = BigInt(Math.floor(Date.now() / 1000) + 21 * 24 * 3600);
  const receipt = await mined(
    await wallet(organizer).writeContract({
      address: options.factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name,
          symbol: "FGUSD",
          startTime,
          endTime: startTime + 6n * 3600n,
          lockWindow: 3600,
          maxPerWallet: 4,
          maxPerIdentity: 0,
          royaltyBps: 500,
          voucherSigner: "0x0000000000000000000000000000000000000000",
          currency: token,
        },
        [...STABLECOIN_DEMO_TIERS],
      ],
    }),
  );
  const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
  if (!created) throw new Error("createEventWithTiers emitted no EventCreated");
  return { ticket: created.args.ticket, name, token, symbol: "mUSD", decimals: 6, funded };
}
