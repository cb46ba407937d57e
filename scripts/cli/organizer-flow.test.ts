/**
 * A new organizer runs an event entirely from the CLI against a real Hardhat node: deploy (dry
 * run, then idempotent), create from a spec, mint from a CSV, gate staff, status, exports,
 * withdraw, cancel, and the refusals in between. Fans act with their own wallets (viem).
 */
import { writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keccak256, parseEther, toHex, type Address } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { MULTICALL3_ADDRESS, MULTICALL3_RUNTIME } from "../../lib/multicall3";
import { localClients } from "../lib/local-clients";
import { startProviderSimulator } from "../lib/provider-simulator/provider-simulator";
import { startLocalNode, type LocalNode } from "./testing/local-node";

let node: LocalNode;
let clients: Awaited<ReturnType<typeof localClients>>;
let accounts: Address[];
let event: Address;
let market: Address;
const GATE_ROLE = keccak256(toHex("GATE_ROLE"));

async function mined(sent: Promise<`0x${string}`>) {
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash: await sent });
  expect(receipt.status).toBe("success");
}

async function chainTime(): Promise<number> {
  return Number((await clients.publicClient.getBlock()).timestamp);
}

async function timeTravelTo(t: number): Promise<void> {
  await clients.publicClient.request({ method: "evm_setNextBlockTimestamp" as never, params: [t] as never });
  await clients.publicClient.request({ method: "evm_mine" as never, params: [] as never });
}

beforeAll(async () => {
  node = await startLocalNode();
  clients = await localClients(node.rpcUrl);
  accounts = clients.accounts;
});

afterAll(async () => {
  await node?.stop();
});

async function writeSpec(name: string, body: Record<string, unknown>): Promise<string> {
  const file = join(node.dir, name);
  await writeFile(file, JSON.stringify(body));
  return file;
}

describe("fairgate CLI against a local node", () => {
  it("deploy --dry-run prints the plan and cost and writes nothing", async () => {
    const run = await node.cli(["deploy", "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Dry run: nothing will be sent/);
    expect(run.stdout).toMatch(/gas\s+\d{6,}/);
    expect(run.stdout).toMatch(/cost\s+up to 0\.\d+ ETH/);
    await expect(readFile(node.env.DEPLOYMENTS_FILE!, "utf8")).rejects.toThrow(/ENOENT/);
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(0n);
  });

  it("deploy records factory and market, and a second run sends nothing", async () => {
    const first = await node.cli(["--json", "deploy"]);
    expect(first.code, first.stderr).toBe(0);
    const { deployment, action } = first.json<{
      action: string;
      deployment: { factory: Address; market: Address; chainId: number };
    }>();
    expect(action).toBe("deploy");
    expect(await clients.publicClient.getCode({ address: deployment.factory })).toMatch(/^0x[0-9a-f]{100,}/);
    // On the local node the deploy also puts Multicall3 where real chains have it (the app batches its reads through it).
    expect(await clients.publicClient.getCode({ address: MULTICALL3_ADDRESS })).toBe(MULTICALL3_RUNTIME);
    market = deployment.market;
    const file = JSON.parse(await readFile(node.env.DEPLOYMENTS_FILE!, "utf8")) as Record<
      string,
      { factory: string; market: string }
    >;
    expect(file["31337"]).toMatchObject({ factory: deployment.factory, market });

    const blockBefore = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
    const again = await node.cli(["--json", "deploy"]);
    expect(again.json()).toMatchObject({ action: "skip", deployment: { factory: deployment.factory } });
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore);
  });

  it("event create refuses a bad spec with every problem named by field", async () => {
    const file = await writeSpec("bad.json", {
      name: "X",
      symbol: "x-1",
      start: 1,
      end: 1,
      tiers: [{ name: "GA", price: "1", supply: 0, zones: ["pit"] }],
    });
    const run = await node.cli(["event", "create", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error \[INPUT\]: .*bad\.json has \d+ problem/);
    expect(run.stderr).toMatch(/- symbol: must be 1–11 letters or digits/);
    expect(run.stderr).toMatch(/- tiers\[0\]\.supply: /);
    const check = await node.cli(["event", "create", "--check", join(import.meta.dirname, "examples", "event.yaml")]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^Spec OK: "Fairgate Live: Summer Night" \(FGSUM\), 3 tier\(s\)/);
    expect(check.stdout).toMatch(/tier 1 VIP: 50 × 0\.2 ETH, zones general\+vip, market-only, resale ≤ 100%/);
  });

  it("event create deploys the event with its tiers; the signer is the organizer", async () => {
    const now = await chainTime();
    const file = await writeSpec("event.json", {
      name: "CLI Night",
      symbol: "CLI",
      start: now + 3600,
      end: now + 7200,
      royaltyPercent: 5,
      zones: ["general", "vip"],
      tiers: [
        { name: "Comp", price: 0, supply: 10, zones: ["general"], transfer: "free" },
        {
          name: "VIP",
          price: "0.1",
          supply: 5,
          zones: ["general", "vip"],
          transfer: "market-only",
          resaleCapPercent: 100,
        },
      ],
    });
    const run = await node.cli(["--json", "event", "create", file]);
    expect(run.code, run.stderr).toBe(0);
    const created = run.json<{ event: Address; eventId: string; organizer: Address }>();
    event = created.event;
    expect(created.eventId).toBe("0");
    expect(created.organizer).toBe(accounts[0]);
    const vip = await clients.publicClient.readContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "tier",
      args: [1],
    });
    expect(vip).toMatchObject({ faceValue: parseEther("0.1"), supply: 5, zones: 3, mode: 1, resaleCapBps: 10_000 });
    expect(
      await clients.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "royaltyBps" }),
    ).toBe(500);
  });

  it("mint refuses a CSV with bad rows unless told to skip them, and never mints duplicates", async () => {
    const csv = join(node.dir, "comp.csv");
    await writeFile(
      csv,
      [
        "name,wallet",
        `a,${accounts[1]}`,
        `b,${accounts[2]}`,
        `dup,${accounts[1]!.toLowerCase()}`,
        "bad,0x12",
        `c,${accounts[3]}`,
      ].join("\n"),
    );
    const refused = await node.cli(["mint", "0", csv, "--tier", "0"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 4: duplicate of line 2/);
    expect(refused.stderr).toMatch(/line 5: "0x12" not an address/);
    expect(refused.stderr).toMatch(/1 invalid row/);
    expect(
      await clients.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "totalMinted" }),
    ).toBe(0n);

    const run = await node.cli(["--json", "mint", event, csv, "--tier", "0", "--skip-invalid"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({
      total: 3,
      mintedNow: 3,
      alreadyMinted: 0,
      duplicates: 1,
      invalid: 1,
      resumed: false,
    });
    for (const a of accounts.slice(1, 4)) {
      expect(
        await clients.publicClient.readContract({
          address: event,
          abi: eventTicketAbi,
          functionName: "balanceOf",
          args: [a],
        }),
      ).toBe(1n);
    }
    // Same list again: the journal says it is done, nothing is sent.
    const again = await node.cli(["--json", "mint", event, csv, "--tier", "0", "--skip-invalid"]);
    expect(again.json()).toMatchObject({ mintedNow: 0, alreadyMinted: 3, resumed: true });
    expect(
      await clients.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "totalMinted" }),
    ).toBe(3n);
  });

  it("mint explains sold-out tiers and unknown tiers before sending", async () => {
    const csv = join(node.dir, "many.csv");
    await writeFile(csv, accounts.slice(1, 8).join("\n"));
    const soldOut = await node.cli(["mint", event, csv, "--tier", "1"]);
    expect(soldOut.stderr).toMatch(/error \[SOLD_OUT\]: Tier 1 has 5 ticket\(s\) left of 5; the list has 7 wallets/);
    const unknown = await node.cli(["mint", event, csv, "--tier", "5"]);
    expect(unknown.stderr).toMatch(/has 2 tier\(s\) \(0–1\); there is no tier 5/);
  });

  it("gate grant and revoke change GATE_ROLE and say when there is nothing to do", async () => {
    const staff = accounts[9]!;
    const hasRole = () =>
      clients.publicClient.readContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "hasRole",
        args: [GATE_ROLE, staff],
      });
    expect((await node.cli(["--json", "gate", "grant", event, staff])).json()).toMatchObject({
      changed: true,
      gate: true,
    });
    expect(await hasRole()).toBe(true);
    expect((await node.cli(["gate", "grant", event, staff])).stdout).toMatch(
      /already holds the gate role on 0x[0-9a-fA-F]{40}; nothing sent/,
    );
    expect((await node.cli(["--json", "gate", "revoke", event, staff])).json()).toMatchObject({
      changed: true,
      gate: false,
    });
    expect(await hasRole()).toBe(false);
    const bad = await node.cli(["gate", "grant", event, "0x1234"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected an address/);
    // Someone who is not the organizer cannot grant.
    const stranger = await node.cli(["gate", "grant", event, staff], { FAIRGATE_ACCOUNT: "5" });
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(
      /error \[NOT_AUTHORIZED\]: .* does not hold organizer \(DEFAULT_ADMIN_ROLE\) on this event/,
    );
  });

  it("status and exports count sales, resales and check-ins per tier and zone", async () => {
    const [fan, buyer, staff] = [accounts[5]!, accounts[6]!, accounts[9]!];
    // Fan buys 2 VIP at face value; resells one through the market to `buyer`.
    await mined(
      clients.wallet(fan).writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "buy",
        args: [1, 2n],
        value: parseEther("0.2"),
        account: fan,
        chain: clients.chain,
      }),
    );
    await mined(
      clients.wallet(fan).writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "approve",
        args: [market, 4n],
        account: fan,
        chain: clients.chain,
      }),
    );
    await mined(
      clients.wallet(fan).writeContract({
        address: market,
        abi: resaleMarketAbi,
        functionName: "list",
        args: [event, 4n, parseEther("0.1")],
        account: fan,
        chain: clients.chain,
      }),
    );
    await mined(
      clients.wallet(buyer).writeContract({
        address: market,
        abi: resaleMarketAbi,
        functionName: "buy",
        args: [event, 4n, parseEther("0.1")],
        value: parseEther("0.1"),
        account: buyer,
        chain: clients.chain,
      }),
    );
    // Gate staff checks in comp ticket #1 and VIP #5.
    expect((await node.cli(["gate", "grant", event, staff])).code).toBe(0);
    await mined(
      clients.wallet(staff).writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "checkIn",
        args: [[1n, 5n]],
        account: staff,
        chain: clients.chain,
      }),
    );

    const before = (await node.cli(["--json", "status", event])).json<{
      phase: string;
      tiers: Record<string, unknown>[];
      zones: Record<string, unknown>[];
      total: Record<string, unknown>;
    }>();
    expect(before.phase).toBe("upcoming");
    expect(before.tiers).toEqual([
      {
        tier: 0,
        zones: 1,
        supply: 10,
        minted: 3,
        sold: 0,
        complimentary: 3,
        resold: 0,
        checkedIn: 1,
        refunded: 0,
        noShows: null,
      },
      {
        tier: 1,
        zones: 3,
        supply: 5,
        minted: 2,
        sold: 2,
        complimentary: 0,
        resold: 1,
        checkedIn: 1,
        refunded: 0,
        noShows: null,
      },
    ]);
    expect(before.zones).toEqual([
      {
        zone: 0,
        supply: 15,
        minted: 5,
        sold: 2,
        complimentary: 3,
        resold: 1,
        checkedIn: 2,
        refunded: 0,
        noShows: null,
      },
      { zone: 1, supply: 5, minted: 2, sold: 2, complimentary: 0, resold: 1, checkedIn: 1, refunded: 0, noShows: null },
    ]);

    // Doors open: no-shows appear.
    await timeTravelTo((await chainTime()) + 3600);
    const live = (await node.cli(["--json", "status", "0"])).json<{ phase: string; total: { noShows: number } }>();
    expect(live.phase).toBe("live");
    expect(live.total.noShows).toBe(3);
    const table = await node.cli(["status", "0"]);
    expect(table.stdout).toMatch(/^CLI Night \(0x[0-9a-fA-F]{40}\), live, at block \d+/);
    expect(table.stdout).toMatch(/tier 1\s+5\s+2\s+2\s+0\s+1\s+1\s+0\s+1/);

    const attendees = (await node.cli(["export", event, "attendees"])).stdout.split(/\r?\n/);
    expect(attendees[0]).toBe("token_id,tier,zones,owner,paid,refunded,checked_in,check_in_source,checked_in_at");
    expect(attendees.slice(1).map((l) => l.split(",").slice(0, 7).join(","))).toEqual([
      `1,0,1,${accounts[1]},false,false,true`,
      `2,0,1,${accounts[2]},false,false,false`,
      `3,0,1,${accounts[3]},false,false,false`,
      `4,1,3,${buyer},true,false,false`,
      `5,1,3,${fan},true,false,true`,
    ]);
    const checkinsFile = join(node.dir, "checkins.csv");
    expect((await node.cli(["export", event, "checkins", "--out", checkinsFile])).code).toBe(0);
    const checkins = (await readFile(checkinsFile, "utf8")).split("\r\n").filter(Boolean);
    expect(checkins.slice(1).map((l) => l.split(",").slice(0, 5).join(","))).toEqual([
      `1,0,${accounts[1]},chain,${staff}`,
      `5,1,${fan},chain,${staff}`,
    ]);
    const sales = (await node.cli(["export", event, "sales"])).stdout
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(",").slice(0, 7).join(","));
    expect(sales).toEqual([
      `primary,4,1,${fan},,100000000000000000,0`,
      `primary,5,1,${fan},,100000000000000000,0`,
      `resale,4,1,${buyer},${fan},100000000000000000,5000000000000000`,
    ]);
    expect((await node.cli(["export", event, "owners"])).stderr).toMatch(/expected one of attendees, checkins, sales/);
  });

  it("withdraw refuses before the end, then pays the escrow to the organizer", async () => {
    const early = await node.cli(["withdraw", event]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /error \[REVERTED\]: Withdrawing the proceeds refused by the contract: The event has not ended yet/,
    );
    await timeTravelTo((await chainTime()) + 3600);
    const to = accounts[10]!;
    const before = await clients.publicClient.getBalance({ address: to });
    const run = await node.cli(["--json", "withdraw", event, "--to", to]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ amountWei: parseEther("0.2").toString() });
    expect((await clients.publicClient.getBalance({ address: to })) - before).toBe(parseEther("0.2"));
    const twice = await node.cli(["withdraw", event]);
    expect(twice.stderr).toMatch(/Nothing to withdraw: the escrow is empty/);
  });

  it("cancel needs --yes and the organizer, stops minting, and cannot be repeated", async () => {
    const now = await chainTime();
    const spec = await writeSpec("cancel.json", {
      name: "Rainy Day",
      symbol: "RAIN",
      start: now + 3600,
      end: now + 7200,
      tiers: [{ name: "GA", price: "0.01", supply: 100, zones: ["general"] }],
    });
    const created = (await node.cli(["--json", "event", "create", spec])).json<{ event: Address }>();
    expect((await node.cli(["cancel", created.event])).stderr).toMatch(/error \[CONFIRM\]: .*--yes/);
    expect((await node.cli(["cancel", created.event, "--yes"], { FAIRGATE_ACCOUNT: "4" })).stderr).toMatch(
      /NOT_AUTHORIZED/,
    );
    const run = await node.cli(["cancel", created.event, "--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(
      await clients.publicClient.readContract({
        address: created.event,
        abi: eventTicketAbi,
        functionName: "cancelled",
      }),
    ).toBe(true);
    expect((await node.cli(["cancel", created.event, "--yes"])).stderr).toMatch(
      /refused by the contract: The event is cancelled/,
    );
    expect((await node.cli(["withdraw", created.event])).stderr).toMatch(/The event is cancelled/);
    const csv = join(node.dir, "late.csv");
    await writeFile(csv, `${accounts[1]}\n`);
    expect((await node.cli(["mint", created.event, csv, "--tier", "0"])).stderr).toMatch(/error \[CANCELLED\]/);
    expect((await node.cli(["--json", "status", created.event])).json()).toMatchObject({ phase: "cancelled" });
  });

  it("refuses the wrong network, an unknown event and an unreachable RPC with plain words", async () => {
    expect((await node.cli(["status", "0"], { CHAIN_ID: "1" })).stderr).toMatch(
      /error \[WRONG_NETWORK\]: .* is chain 31337, but CHAIN_ID is 1/,
    );
    expect((await node.cli(["status", "7"])).stderr).toMatch(/No event #7: the factory has 2 event\(s\)/);
    expect((await node.cli(["status", accounts[1]!])).stderr).toMatch(/is not an event of the Fairgate factory/);
    expect((await node.cli(["status", "0"], { RPC_URL: "http://127.0.0.1:9" })).stderr).toMatch(
      /error \[RPC_UNREACHABLE\]/,
    );
    expect((await node.cli(["status", "0"], { CHAIN_ID: "abc" })).stderr).toMatch(/CHAIN_ID: must be a number/);
  });

  it("status and export through a provider with a 500-block eth_getLogs cap: the same answers, the cap learned from one refusal and shared", async () => {
    // A long history after the sales: every scan spans thousands of blocks.
    await clients.publicClient.request({ method: "hardhat_mine" as never, params: ["0x1770"] as never });
    const sim = await startProviderSimulator({ upstream: node.rpcUrl, style: "alchemy", maxLogRange: 500 });
    try {
      const direct = await node.cli(["--json", "status", event]);
      const through = await node.cli(["--json", "status", event], { RPC_URL: sim.url });
      expect(through.code, through.stderr).toBe(0);
      expect(through.json()).toEqual(direct.json());
      expect(sim.stats().methods.eth_getLogs!.refused).toBe(1);
      // The next command in this process scans under the learned cap from its first call.
      sim.resetStats();
      const sales = await node.cli(["export", event, "sales"], { RPC_URL: sim.url });
      expect(sales.stdout).toBe((await node.cli(["export", event, "sales"])).stdout);
      expect(sim.stats().methods.eth_getLogs).toMatchObject({ refused: 0 });
    } finally {
      await sim.close();
    }
  });
});
