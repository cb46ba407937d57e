import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encryptKeystoreJson } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHex, type Address } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { loadCliConfig } from "../cli-config";
import { ConfigError } from "../errors";
import { resolveSigner } from "./resolve-signer";

const hardhatKey0 = toHex(
  mnemonicToAccount("test test test test test test test test test test test junk").getHdKey().privateKey!,
);
const noNode = async (): Promise<Address[]> => {
  throw new Error("must not ask the node");
};
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairgate-signer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("resolveSigner", () => {
  it("refuses Hardhat's public test keys on any chain but 31337", async () => {
    const config = loadCliConfig({ CHAIN_ID: "11155111", DEPLOYER_PRIVATE_KEY: hardhatKey0 });
    await expect(resolveSigner(config, noNode)).rejects.toThrow(
      /Refusing to sign on chain 11155111 with 0xf39F.*public test accounts/,
    );
    const local = await resolveSigner(loadCliConfig({ CHAIN_ID: "31337", DEPLOYER_PRIVATE_KEY: hardhatKey0 }), noNode);
    expect(local.address).toBe("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  });

  it("needs a key off the local chain, and uses node accounts only on it", async () => {
    await expect(resolveSigner(loadCliConfig({ CHAIN_ID: "10" }), noNode)).rejects.toThrow(
      /No signing key for chain 10/,
    );
    const nodeAccounts = async () =>
      ["0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002"] as Address[];
    expect(await resolveSigner(loadCliConfig({ FAIRGATE_ACCOUNT: "1" }), nodeAccounts)).toMatchObject({
      address: "0x0000000000000000000000000000000000000002",
      source: "node-account",
    });
    await expect(resolveSigner(loadCliConfig({ FAIRGATE_ACCOUNT: "5" }), nodeAccounts)).rejects.toThrow(
      /has 2 unlocked accounts/,
    );
  });

  it("decrypts a JSON keystore with a password or a password file, and names a wrong password", async () => {
    const key = generatePrivateKey();
    const address = privateKeyToAccount(key).address;
    const file = join(dir, "key.json");
    await writeFile(
      file,
      await encryptKeystoreJson({ address, privateKey: key }, "correct horse", { scrypt: { N: 1024 } }),
    );
    await writeFile(join(dir, "pw"), "correct horse\n");
    const base = { CHAIN_ID: "8453", DEPLOYER_KEYSTORE: file };
    expect(
      await resolveSigner(loadCliConfig({ ...base, DEPLOYER_KEYSTORE_PASSWORD: "correct horse" }), noNode),
    ).toMatchObject({ address, source: "keystore" });
    expect(
      await resolveSigner(loadCliConfig({ ...base, DEPLOYER_KEYSTORE_PASSWORD_FILE: join(dir, "pw") }), noNode),
    ).toMatchObject({ address });
    await expect(
      resolveSigner(loadCliConfig({ ...base, DEPLOYER_KEYSTORE_PASSWORD: "wrong" }), noNode),
    ).rejects.toThrow(/Cannot decrypt keystore .*: wrong password/);
    await expect(resolveSigner(loadCliConfig(base), noNode)).rejects.toThrow(ConfigError);
  });

  it("reports every bad variable at once", () => {
    try {
      loadCliConfig({ RPC_URL: "ftp://x", CHAIN_ID: "-1", DEPLOYER_PRIVATE_KEY: "0x1234" });
      throw new Error("expected a ConfigError");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).details?.map((d) => d.split(":")[0])).toEqual([
        "RPC_URL",
        "CHAIN_ID",
        "DEPLOYER_PRIVATE_KEY",
      ]);
    }
    expect(() => loadCliConfig({ DEPLOYER_PRIVATE_KEY: hardhatKey0, DEPLOYER_KEYSTORE: "k.json" })).toThrow(/not both/);
  });
});
