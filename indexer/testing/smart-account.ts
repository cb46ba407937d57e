/**
 * A real smart-contract wallet on the test chain (contracts/test/fixtures/TestSmartAccount.sol):
 * deployed (EIP-1271) or only predicted (ERC-6492, deployed by the verifier's eth_call).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  encodeFunctionData,
  keccak256,
  serializeErc6492Signature,
  toHex,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";

function artifact(name: string): { abi: Abi; bytecode: Hex } {
  const file = join(process.cwd(), "artifacts/contracts/test/fixtures/TestSmartAccount.sol", `${name}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as { abi: Abi; bytecode: Hex };
}

export async function smartAccounts(client: PublicClient, deployer: WalletClient) {
  const factoryArtifact = artifact("TestSmartAccountFactory");
  const hash = await deployer.deployContract({
    abi: factoryArtifact.abi,
    bytecode: factoryArtifact.bytecode,
    account: deployer.account!,
    chain: deployer.chain,
  });
  const factory = (await client.waitForTransactionReceipt({ hash })).contractAddress!;

  const deployData = (owner: Address, salt: Hex) =>
    encodeFunctionData({ abi: factoryArtifact.abi, functionName: "deploy", args: [owner, salt] });

  async function predict(owner: Address, salt: Hex): Promise<Address> {
    return (await client.readContract({
      address: factory,
      abi: factoryArtifact.abi,
      functionName: "predict",
      args: [owner, salt],
    })) as Address;
  }

  return {
    factory,
    /** A counterfactual account of `owner`: its address, and how to wrap the owner's signature (ERC-6492). */
    async counterfactual(owner: WalletClient, label: string) {
      const salt = keccak256(toHex(label));
      const address = await predict(owner.account!.address, salt);
      return {
        address,
        async signMessage(message: string): Promise<Hex> {
          const inner = await owner.signMessage({ account: owner.account!, message });
          return serializeErc6492Signature({
            address: factory,
            data: deployData(owner.account!.address, salt),
            signature: inner,
          });
        },
      };
    },
    /** A deployed account of `owner` (EIP-1271). */
    async deployed(owner: WalletClient, label: string) {
      const salt = keccak256(toHex(label));
      const tx = await deployer.writeContract({
        address: factory,
        abi: factoryArtifact.abi,
        functionName: "deploy",
        args: [owner.account!.address, salt],
        account: deployer.account!,
        chain: deployer.chain,
      });
      await client.waitForTransactionReceipt({ hash: tx });
      const address = await predict(owner.account!.address, salt);
      return { address, signMessage: (message: string) => owner.signMessage({ account: owner.account!, message }) };
    },
  };
}
