/**
 * The organizer ends a scanner session from the CLI (issue 18 #2): `fairgate gate sessions`
 * lists the event's signed-in scanners at the indexer, `fairgate gate end-session` ends one, and
 * that scanner is refused at once. Against real processes: a Hardhat node and the indexer.
 */
import { dirname, join } from "node:path";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGateSignInMessage, type GateSignInChallenge } from "../../lib/gate/sign-in-message";
import type { GateSessionSummary } from "../../lib/gate/invite-types";
import { bufferIo } from "../../scripts/cli/cli-io";
import { runCli } from "../../scripts/cli/program";
import { localClients } from "../../scripts/lib/local-clients";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";

let stack: LocalStack;
let clients: Awaited<ReturnType<typeof localClients>>;
let staff: Address;

async function cli(args: string[]) {
  const io = bufferIo();
  const env = {
    RPC_URL: stack.rpcUrl,
    CHAIN_ID: "31337",
    DEPLOYMENTS_FILE: join(dirname(stack.dataDir), "deployments.json"),
    INDEXER_URL: stack.indexerUrl,
    FAIRGATE_ACCOUNT: "0",
  };
  const code = await runCli(args, io, env);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${stack.indexerUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  stack = await startLocalStack();
  clients = await localClients(stack.rpcUrl);
  staff = clients.accounts[5]!;
});
afterAll(async () => {
  await stack?.stop();
});

describe("fairgate gate sessions / end-session", () => {
  it("lists a staff wallet's scanner session and ends it: the scanner is refused at once", async () => {
    const event = stack.demo.ticket;
    expect((await cli(["gate", "grant", event, staff])).code).toBe(0);
    const nonce = await post("/gate/session/nonce", { contract: event, gateId: "door-7", zone: 0 });
    expect(nonce.status).toBe(200);
    const message = buildGateSignInMessage(nonce.body as unknown as GateSignInChallenge, staff);
    const opened = await post("/gate/session", {
      message,
      signature: await clients.wallet(staff).signMessage({ account: staff, message }),
    });
    expect(opened.status).toBe(200);
    const token = opened.body.token as string;
    const snapshot = () =>
      fetch(`${stack.indexerUrl}/gate/offline/snapshot`, { headers: { authorization: `Bearer ${token}` } }).then(
        (r) => r.status,
      );
    expect(await snapshot()).toBe(200);

    const listed = await cli(["--json", "gate", "sessions", event]);
    expect(listed.code, listed.stderr).toBe(0);
    const sessions = (JSON.parse(listed.stdout) as { sessions: GateSessionSummary[] }).sessions;
    const mine = sessions.find((s) => s.staff === staff.toLowerCase() && s.gateId === "door-7");
    expect(mine).toMatchObject({ status: "active", role: "gate", zone: 0 });

    const ended = await cli(["gate", "end-session", event, mine!.id]);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toMatch(new RegExp(`Session ${mine!.id} ended`));
    expect(await snapshot()).toBe(401);
    const after = JSON.parse((await cli(["--json", "gate", "sessions", event])).stdout) as {
      sessions: GateSessionSummary[];
    };
    expect(after.sessions.find((s) => s.id === mine!.id)).toMatchObject({ status: "revoked" });
  });

  it("a wallet without the admin role cannot list or end sessions", async () => {
    const run = await cli(["--account", "5", "gate", "sessions", stack.demo.ticket]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/NOT_AUTHORIZED|admin role|GATE_UNAUTHORIZED/);
  });
});
