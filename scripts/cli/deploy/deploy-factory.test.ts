/**
 * Deploying to "a remote network": a fresh Hardhat node on chain 4242, where the CLI treats the
 * node like any public RPC (no unlocked accounts, keys signed locally, test keys refused).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encryptKeystoreJson } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicClient, http, parseEther, toHex, type Address } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { pickDeployment } from "../../../lib/deployments";
import { startLocalNode, type LocalNode } from "../testing/local-node";

const CHAIN = 4242;
const key = generatePrivateKey();
const deployer = privateKeyToAccount(key).address;
let dir: string;
let node: LocalNode;

type DeployJson = {
  action: string;
  reason: string;
  estimatedGas?: string;
  estimatedCostWei?: string;
  deployment: { factory: Address; market: Address; deployer: Address; fromBlock: number; txHash: string } | null;
};

const client = (rpcUrl: string) => createPublicClient({ transport: http(rpcUrl) });

async function fund(rpcUrl: string, to: Address, eth: string): Promise<void> {
  const rpc = (method: string, params: unknown[]) =>
    client(rpcUrl).request({ method: method as never, params: params as never });
  const [from] = (await rpc("eth_accounts", [])) as Address[];
  const hash = (await rpc("eth_sendTransaction", [{ from, to, value: toHex(parseEther(eth)) }])) as `0x${string}`;
  await client(rpcUrl).waitForTransactionReceipt({ hash });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairgate-deploy-"));
  node = await startLocalNode({ chainId: CHAIN, dir });
});

afterAll(async () => {
  await node?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("fairgate deploy to a configured network", () => {
  it("needs a key, and refuses Hardhat's public test keys off chain 31337", async () => {
    expect((await node.cli(["deploy"])).stderr).toMatch(/error \[CONFIG\]: No signing key for chain 4242/);
    const testKey = toHex(
      mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 1 }).getHdKey()
        .privateKey!,
    );
    expect((await node.cli(["deploy"], { DEPLOYER_PRIVATE_KEY: testKey })).stderr).toMatch(
      /Refusing to sign on chain 4242 .*public test accounts/,
    );
  });

  it("an unfunded key gets a dry run with a warning, and a clear refusal", async () => {
    const dry = await node.cli(["deploy", "--dry-run"], { DEPLOYER_PRIVATE_KEY: key });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/balance 0 ETH/);
    expect(dry.stdout).toMatch(/WARNING\s+the deployer cannot pay that/);
    const real = await node.cli(["deploy"], { DEPLOYER_PRIVATE_KEY: key });
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/error \[INSUFFICIENT_FUNDS\]: 0x[0-9a-fA-F]{40} has 0 ETH; the deploy may cost up to/);
  });

  it("deploys once with a private key, records it per chain, and re-runs as a no-op", async () => {
    await fund(node.rpcUrl, deployer, "10");
    const dry = (await node.cli(["--json", "deploy", "--dry-run"], { DEPLOYER_PRIVATE_KEY: key })).json<DeployJson>();
    expect(dry).toMatchObject({ action: "deploy", reason: "no deployment recorded for this chain", deployment: null });
    expect(BigInt(dry.estimatedGas!)).toBeGreaterThan(1_000_000n);
    expect(await client(node.rpcUrl).getTransactionCount({ address: deployer })).toBe(0);

    const run = await node.cli(["--json", "deploy"], { DEPLOYER_PRIVATE_KEY: key });
    expect(run.code, run.stderr).toBe(0);
    const { deployment } = run.json<DeployJson>();
    expect(deployment!.deployer).toBe(deployer);
    const tx = await client(node.rpcUrl).getTransaction({ hash: deployment!.txHash as `0x${string}` });
    expect(tx.from.toLowerCase()).toBe(deployer.toLowerCase());
    // Gas used stays within the dry run's estimate.
    const receipt = await client(node.rpcUrl).getTransactionReceipt({ hash: tx.hash });
    expect(receipt.gasUsed).toBeLessThanOrEqual(BigInt(dry.estimatedGas!));

    // The file the indexer and app read.
    const file = JSON.parse(await readFile(node.env.DEPLOYMENTS_FILE!, "utf8"));
    expect(pickDeployment(file, CHAIN, "deployments.json")).toMatchObject({
      chainId: CHAIN,
      factory: deployment!.factory,
      market: deployment!.market,
      fromBlock: deployment!.fromBlock,
    });

    const again = (await node.cli(["--json", "deploy"], { DEPLOYER_PRIVATE_KEY: key })).json<DeployJson>();
    expect(again).toMatchObject({ action: "skip", deployment: { factory: deployment!.factory } });
    expect(await client(node.rpcUrl).getTransactionCount({ address: deployer })).toBe(2); // market + factory
  });

  it("signs from an encrypted keystore; --force deploys a new factory and replaces the record", async () => {
    const keystore = join(dir, "deployer.json");
    await writeFile(
      keystore,
      await encryptKeystoreJson({ address: deployer, privateKey: key }, "s3cret", { scrypt: { N: 1024 } }),
    );
    const env = { DEPLOYER_KEYSTORE: keystore, DEPLOYER_KEYSTORE_PASSWORD: "s3cret" };
    const before = JSON.parse(await readFile(node.env.DEPLOYMENTS_FILE!, "utf8"))[CHAIN].factory as string;
    expect((await node.cli(["--json", "deploy"], env)).json()).toMatchObject({ action: "skip" });
    const forced = (await node.cli(["--json", "deploy", "--force"], env)).json<DeployJson>();
    expect(forced.action).toBe("deploy");
    expect(forced.deployment!.factory).not.toBe(before);
    expect(JSON.parse(await readFile(node.env.DEPLOYMENTS_FILE!, "utf8"))[CHAIN].factory).toBe(
      forced.deployment!.factory,
    );
    expect((await node.cli(["deploy"], { ...env, DEPLOYER_KEYSTORE_PASSWORD: "nope" })).stderr).toMatch(
      /wrong password/,
    );
  });

  it("redeploys on a fresh node whose chain has no code at the recorded address", async () => {
    await node.stop();
    node = await startLocalNode({ chainId: CHAIN, dir }); // same deployments file, new chain state
    await fund(node.rpcUrl, deployer, "1");
    const plan = await node.cli(["deploy", "--dry-run"], { DEPLOYER_PRIVATE_KEY: key });
    expect(plan.stdout).toMatch(/has no code on this chain \(a fresh node\?\)/);
    const run = (await node.cli(["--json", "deploy"], { DEPLOYER_PRIVATE_KEY: key })).json<DeployJson>();
    expect(run.action).toBe("deploy");
    expect(await client(node.rpcUrl).getCode({ address: run.deployment!.factory })).toMatch(/^0x[0-9a-f]+$/);
  });
});
