/**
 * `fairgate gate grant|revoke <event> <address>`: who may record check-ins (GATE_ROLE).
 * `fairgate gate sessions <event>` and `fairgate gate end-session <event> <id…>`: the event's
 * signed-in scanners at the indexer, and ending one at once (the organizer signs in; needs INDEXER_URL).
 * A wallet whose role is revoked loses its sessions within a minute anyway (the indexer re-checks it).
 */
import { InvalidArgumentError, type Command } from "commander";
import { getAddress, isAddress, type Address } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import { sendContractTx } from "../chain/send-contract-tx";
import type { CommandContext } from "../command-context";
import { endGateSession, listGateSessions, type GateSessionSummary } from "../../../lib/indexer-client/gate";
import { organizerSession } from "../indexer/organizer-session";

export const addressArg = (value: string): Address => {
  if (!isAddress(value, { strict: false })) throw new InvalidArgumentError("expected an address (0x + 40 hex digits)");
  if (!isAddress(value))
    throw new InvalidArgumentError("bad EIP-55 checksum: check for a typo, or write it all lower case");
  return getAddress(value);
};

export function registerGate(program: Command, ctx: CommandContext): void {
  const gate = program.command("gate").description("gate staff wallets (GATE_ROLE: may record check-ins)");
  for (const grant of [true, false]) {
    gate
      .command(grant ? "grant" : "revoke")
      .argument("<event>", "event address or id")
      .argument("<wallet>", "gate staff wallet", addressArg)
      .description(grant ? "let a wallet record check-ins" : "stop a wallet from recording check-ins")
      .action(async (eventArg: string, wallet: Address, _opts: unknown, cmd: Command) => {
        const conn = await connectWrite(ctx.config(cmd));
        const { address: event } = await resolveEvent(conn, eventArg);
        const role = await conn.publicClient.readContract({
          address: event,
          abi: eventTicketAbi,
          functionName: "GATE_ROLE",
        });
        const has = await conn.publicClient.readContract({
          address: event,
          abi: eventTicketAbi,
          functionName: "hasRole",
          args: [role, wallet],
        });
        let txHash: string | undefined;
        if (has !== grant) {
          const receipt = await sendContractTx(conn, {
            address: event,
            abi: eventTicketAbi,
            functionName: grant ? "grantRole" : "revokeRole",
            args: [role, wallet],
            action: `${grant ? "Granting" : "Revoking"} the gate role ${grant ? "to" : "from"} ${wallet}`,
          });
          txHash = receipt.transactionHash;
        }
        if (ctx.json(cmd))
          return ctx.io.out(
            JSON.stringify({ event, wallet, gate: grant, changed: txHash !== undefined, txHash: txHash ?? null }),
          );
        ctx.io.out(
          txHash
            ? `${wallet} ${grant ? "may now" : "may no longer"} record check-ins on ${event} (tx ${txHash}).`
            : `${wallet} ${grant ? "already holds" : "does not hold"} the gate role on ${event}; nothing sent.`,
        );
      });
  }

  gate
    .command("sessions")
    .argument("<event>", "event address or id")
    .description(
      "list the event's scanner sessions (wallet and invite) at the indexer; needs INDEXER_URL and the organizer's key",
    )
    .action(async (eventArg: string, _opts: unknown, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      const { indexerUrl, session } = await organizerSession(conn, event);
      const { sessions } = await listGateSessions(indexerUrl, session.token);
      const others = sessions.filter((x) => !x.current);
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify({ event, sessions: others }));
      if (others.length === 0) return ctx.io.out(`No scanner has signed in for ${event}.`);
      for (const x of others) ctx.io.out(formatSession(x));
    });

  gate
    .command("end-session")
    .argument("<event>", "event address or id")
    .argument("<ids...>", "session ids, as `fairgate gate sessions` lists them")
    .description(
      "end scanner sessions at once (a lost phone, staff gone home); needs INDEXER_URL and the organizer's key",
    )
    .action(async (eventArg: string, ids: string[], _opts: unknown, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      const { indexerUrl, session } = await organizerSession(conn, event);
      const ended = [];
      for (const id of ids) ended.push(await endGateSession(indexerUrl, session.token, id));
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify({ event, ended }));
      for (const e of ended)
        ctx.io.out(`Session ${e.id} ended at ${e.revokedAt}: that scanner is refused from now on.`);
    });
}

function formatSession(x: GateSessionSummary): string {
  const who = x.staff.startsWith("invite:") ? `invite ${x.staff.slice("invite:".length)}` : x.staff;
  return `${x.id}  ${x.status.padEnd(7)}  ${x.role.padEnd(5)}  gate ${x.gateId} (zone ${x.zone})  ${who}  until ${x.expiresAt}`;
}
