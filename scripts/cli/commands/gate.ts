/** `fairgate gate grant|revoke <event> <address>`: who may record check-ins (GATE_ROLE). */
import { InvalidArgumentError, type Command } from "commander";
import { getAddress, isAddress, type Address } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import { sendContractTx } from "../chain/send-contract-tx";
import type { CommandContext } from "../command-context";

export const addressArg = (value: string): Address => {
  if (!isAddress(value, { strict: false })) throw new InvalidArgumentError("expected an address (0x + 40 hex digits)");
  if (!isAddress(value)) throw new InvalidArgumentError("bad EIP-55 checksum: check for a typo, or write it all lower case");
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
        const role = await conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "GATE_ROLE" });
        const has = await conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "hasRole", args: [role, wallet] });
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
        if (ctx.json(cmd)) return ctx.io.out(JSON.stringify({ event, wallet, gate: grant, changed: txHash !== undefined, txHash: txHash ?? null }));
        ctx.io.out(txHash ? `${wallet} ${grant ? "may now" : "may no longer"} record check-ins on ${event} (tx ${txHash}).` : `${wallet} ${grant ? "already holds" : "does not hold"} the gate role on ${event}; nothing sent.`);
      });
  }
}
