import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pickDeployment } from "../../lib/deployments";
import { recordCurrency } from "./record-currency";

const record = {
  chainId: 31337,
  factory: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  fromBlock: 1,
  deployedAt: "2030-01-01T00:00:00.000Z",
};

describe("recordCurrency", () => {
  it("adds a named stablecoin to the chain's record once, keeping the rest", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "fg-currency-")), "deployments.json");
    await writeFile(file, JSON.stringify({ 31337: record }));
    const usd = { symbol: "mUSD", address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", decimals: 6 };
    await recordCurrency(file, 31337, usd);
    await recordCurrency(file, 31337, { ...usd, address: usd.address.toLowerCase() });
    const read = pickDeployment(JSON.parse(await readFile(file, "utf8")), 31337, file);
    expect(read).toMatchObject(record);
    expect(read.currencies).toEqual([{ ...usd, address: usd.address.toLowerCase() }]);
    await expect(recordCurrency(file, 1, usd)).rejects.toThrow(/No deployment for chain 1/);
  });
});
