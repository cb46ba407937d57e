/**
 * One ticket from mint to gate, through the real processes: Hardhat node → indexer process
 * (its own PGlite) → gate challenge → holder's wallet signs SIWE → ADMIT → second scan DENY.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import type { GateVerdict } from "../../lib/gate/reasons";
import { localClients } from "../../scripts/lib/local-clients";
import { waitFor } from "../../scripts/lib/wait";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";

let stack: LocalStack;
let clients: Awaited<ReturnType<typeof localClients>>;

beforeAll(async () => {
  stack = await startLocalStack();
  clients = await localClients(stack.rpcUrl);
});

afterAll(async () => {
  await stack?.stop();
});

type TicketsResponse = { tickets: { contract: string; tokenId: string; checkedIn?: boolean }[] };

async function ticketsOf(owner: Address): Promise<TicketsResponse["tickets"]> {
  const res = await fetch(`${stack.indexerUrl}/tickets?owner=${owner}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as TicketsResponse).tickets;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${stack.indexerUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function challenge(gateId = "north-1"): Promise<GateChallenge> {
  const res = await post("/gate/challenge", { contract: stack.demo.ticket, gateId });
  expect(res.status).toBe(200);
  return (await res.json()) as GateChallenge;
}

/** The holder's wallet (the node's unlocked account, via personal_sign) answers a challenge. */
async function scan(
  signer: Address,
  tokenId: bigint,
  c?: GateChallenge,
): Promise<{ verdict: GateVerdict; message: string; signature: string }> {
  const ch = c ?? (await challenge());
  const message = buildChallengeMessage(ch, signer, tokenId);
  const signature = await clients.wallet(signer).signMessage({ account: signer, message });
  const res = await post("/gate/scan", { message, signature });
  expect(res.status).toBe(200);
  return { verdict: (await res.json()) as GateVerdict, message, signature };
}

describe("mint → indexer → gate", () => {
  it("indexes the demo mint for each holder", async () => {
    for (const holder of stack.demo.holders) {
      const tickets = await waitFor(`tickets of ${holder.account}`, async () => {
        const t = await ticketsOf(holder.account);
        return t.length === holder.tokenIds.length ? t : undefined;
      });
      expect(tickets.map((t) => BigInt(t.tokenId)).sort()).toEqual([...holder.tokenIds].sort());
    }
    const health = (await (await fetch(`${stack.indexerUrl}/health`)).json()) as {
      headBlock: number;
      indexedBlock: number;
      lagBlocks: number;
    };
    expect(health.indexedBlock).toBeGreaterThan(0);
    expect(health.lagBlocks).toBeGreaterThanOrEqual(0);
  });

  it("admits a holder once, then denies the second scan and a replay", async () => {
    const holder = stack.demo.holders[0]!;
    const tokenId = holder.tokenIds[0]!;

    const first = await scan(holder.account, tokenId);
    expect(first.verdict).toMatchObject({ result: "ADMIT", tokenId: tokenId.toString() });

    const second = await scan(holder.account, tokenId);
    expect(second.verdict).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });

    const replay = await post("/gate/scan", { message: first.message, signature: first.signature });
    expect(await replay.json()).toMatchObject({ result: "DENY", reason: "CHALLENGE_USED" });
  });

  it("denies a wallet that does not hold the ticket", async () => {
    const [a, b] = stack.demo.holders;
    const verdict = (await scan(b!.account, a!.tokenIds[1]!)).verdict;
    expect(verdict).toMatchObject({ result: "DENY", reason: "NOT_OWNER" });
  });

  it("follows an on-chain transfer: the new holder is admitted, the old one is not", async () => {
    const from = stack.demo.holders[1]!;
    const to = stack.demo.holders[2]!;
    const tokenId = from.tokenIds[0]!;
    const hash = await clients.wallet(from.account).writeContract({
      address: stack.demo.ticket,
      abi: eventTicketAbi,
      functionName: "transferFrom",
      args: [from.account, to.account, tokenId],
    });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    await waitFor("indexer to see the transfer", async () =>
      (await ticketsOf(to.account)).some((t) => BigInt(t.tokenId) === tokenId) ? true : undefined,
    );

    expect((await scan(from.account, tokenId)).verdict).toMatchObject({ result: "DENY", reason: "NOT_OWNER" });
    expect((await scan(to.account, tokenId)).verdict).toMatchObject({ result: "ADMIT" });
  });

  it("answers bad input with a reason code, never a 500", async () => {
    const holder = stack.demo.holders[2]!;
    const malformed = await post("/gate/scan", "{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ result: "DENY", reason: "MALFORMED" });

    const garbage = await post("/gate/scan", { message: "hello", signature: "0x1234" });
    expect(garbage.status).toBeLessThan(500);
    expect(await garbage.json()).toMatchObject({ result: "DENY", reason: "MALFORMED" });

    const unknown = await scan(holder.account, 9_999n);
    expect(unknown.verdict).toMatchObject({ result: "DENY", reason: "UNKNOWN_TOKEN" });

    const badOwner = await fetch(`${stack.indexerUrl}/tickets?owner=not-an-address`);
    expect(badOwner.status).toBe(400);

    // The indexer is still healthy after all of it.
    expect((await fetch(`${stack.indexerUrl}/health`)).status).toBe(200);
  });
});
