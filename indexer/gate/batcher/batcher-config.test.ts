/** The batcher's env (GATE_SIGNER_*, GATE_BATCH_*) through loadConfig: validated once, the key never echoed. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config";

const FACTORY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const KEY = `0x${"ab".repeat(32)}`;
const ADDRESS = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

describe("batcher config", () => {
  it("is off without a gate signer", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY }).checkInBatcher).toBeUndefined();
  });

  it("takes a key, a key file or (local chain only) a node account, and the batch settings", async () => {
    expect(
      loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY: KEY, GATE_BATCH_SIZE: "20" }).checkInBatcher,
    ).toMatchObject({
      signer: { kind: "key", privateKey: KEY },
      settings: { batchSize: 20, intervalMs: 2_000 },
    });
    const dir = await mkdtemp(join(tmpdir(), "fairgate-key-"));
    try {
      await writeFile(join(dir, "gate.key"), `${KEY}\n`);
      expect(
        loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY_FILE: join(dir, "gate.key") }).checkInBatcher?.signer,
      ).toEqual({ kind: "key", privateKey: KEY });
      await writeFile(join(dir, "bad.key"), "0xsecret-but-wrong\n");
      const err = (() => {
        try {
          loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY_FILE: join(dir, "bad.key") });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(err).toBeInstanceOf(ConfigError);
      expect(err!.message).toMatch(/GATE_SIGNER_KEY_FILE/);
      expect(err!.message).not.toMatch(/secret-but-wrong/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(
      loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_ADDRESS: ADDRESS.toLowerCase() }).checkInBatcher?.signer,
    ).toEqual({ kind: "node-account", address: ADDRESS });
  });

  it("refuses bad values without echoing the key", () => {
    const bad = "0x1234-not-a-key";
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY: bad })).toThrow(
      /GATE_SIGNER_KEY: must be a 0x-prefixed 32-byte hex private key/,
    );
    try {
      loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY: bad });
    } catch (e) {
      expect((e as Error).message).not.toContain(bad);
    }
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY: KEY, GATE_SIGNER_ADDRESS: ADDRESS })).toThrow(
      /only one of/,
    );
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, CHAIN_ID: "1", GATE_SIGNER_ADDRESS: ADDRESS })).toThrow(
      /only for the local chain/,
    );
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_SIGNER_KEY_FILE: "/nonexistent/gate.key" })).toThrow(
      /cannot be read/,
    );
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, GATE_BATCH_SIZE: "501" })).toThrow(/GATE_BATCH_SIZE/);
  });
});
