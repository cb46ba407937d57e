/**
 * `fairgate deploy` records the market's waitlist, and `fairgate waitlist <event>` reports who waits
 * for each tier, against a real Hardhat node (fans join with their own wallets through viem).
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEther, parseEventLogs, type Address } from "viem";
import { eventTicketAbi, ticketFactoryAbi, waitlistAbi } from "../../../lib/generated/abis";
import { localClients } from "../../lib/local-clients";
import { startLocalNode, type LocalNode } from "../testing/local-node";

const FACE = parseEther("0.1");
const ZERO: Address = "0x0000000000000000000000000000000000000000";
let node: LocalNode;
let clients: Awaited<ReturnType<typeof localClients>>;

beforeAll(async () => {
  node = await startLocalNode();
  clients = await localClients(node.rpcUrl);
}, 120_000);
afterAll(async () => {
  await node?.stop();
});

async function mined(sent: Promise<`0x${string}`>) {
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash: await sent });
  expect(receipt.status).toBe("success");
  return receipt;
}

describe("fairgate waitlist", { timeout: 120_000 }, () => {
  it("lists each tier's queue in join order after deploy recorded the waitlist", async () => {
    const deployed = await node.cli(["--json", "deploy"]);
    expect(deployed.code, deployed.stderr).toBe(0);
    const { deployment } = deployed.json<{ deployment: { factory: Address; market: Address; waitlist: Address } }>();
    expect(deployment.waitlist).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const file = JSON.parse(await readFile(node.env.DEPLOYMENTS_FILE!, "utf8")) as Record<
      string,
      { waitlist?: string }
    >;
    expect(file["31337"]?.waitlist).toBe(deployment.waitlist);

    const [organizer, alice, bob, carol] = clients.accounts as [Address, Address, Address, Address];
    const start = (await clients.publicClient.getBlock()).timestamp + 86_400n;
    const created = await mined(
      clients.wallet(organizer).writeContract({
        address: deployment.factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [
          {
            name: "Queue Night",
            symbol: "QN",
            startTime: start,
            endTime: start + 3_600n,
            lockWindow: 0,
            maxPerWallet: 0,
            maxPerIdentity: 0,
            royaltyBps: 0,
            voucherSigner: ZERO,
            currency: ZERO,
          },
          [
            {
              faceValue: FACE,
              supply: 1,
              zones: 1,
              mode: 1,
              resaleCapBps: 10_000,
              voucherOnly: false,
              reserved: false,
            },
          ],
        ],
      }),
    );
    const event = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: created.logs })[0]!.args
      .ticket;
    await mined(
      clients
        .wallet(alice)
        .writeContract({ address: event, abi: eventTicketAbi, functionName: "buy", args: [0, 1n], value: FACE }),
    );
    for (const fan of [carol, bob]) {
      await mined(
        clients.wallet(fan).writeContract({
          address: deployment.waitlist,
          abi: waitlistAbi,
          functionName: "join",
          args: [event, 0],
          value: FACE,
        }),
      );
    }

    const run = await node.cli(["--json", "waitlist", event]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toEqual({
      event,
      waitlist: deployment.waitlist,
      tiers: [{ tier: 0, waiting: 2, depositsWei: (2n * FACE).toString(), firstInLine: [carol, bob] }],
    });
    const text = await node.cli(["waitlist", event]);
    expect(text.stdout).toMatch(/tier 0: 2 waiting, 0\.2 ETH in deposits · next: /);
  });
});
