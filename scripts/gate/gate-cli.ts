/**
 * `npm run gate -- <command>`: a scanner at the command line, for door staff with a laptop and for
 * scripts. `scan <payload>` prints ADMIT or DENY with the reason in words and exits 0 only on ADMIT
 * (1 on DENY, 2 when it could not ask the gate). `session invite <code>` makes this device's key
 * (GATE_DEVICE_KEY_FILE), redeems an organizer's one-time code bound to it and prints the session
 * token to export as GATE_SESSION_TOKEN; every scan is then signed with the device key, so the
 * token is useless on another device.
 */
import { Command, CommanderError } from "commander";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { denyReasonText, type GateVerdict } from "../../lib/gate/reasons";
import { signDeviceRequest } from "../../lib/gate/request-signature";
import { DEFAULT_DEVICE_KEY_FILE, loadDeviceKey, newDeviceKey } from "./device-key-file";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
};

export const EXIT = { admit: 0, deny: 1, error: 2 } as const;

class GateCliError extends Error {
  override name = "GateCliError";
}

const envSchema = z.object({
  GATE_INDEXER_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4100"),
  GATE_SESSION_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "must be the token printed by `gate session invite`")
    .optional(),
  GATE_DEVICE_KEY_FILE: z.string().min(1).default(DEFAULT_DEVICE_KEY_FILE),
});

async function post(
  url: string,
  path: string,
  body: unknown,
  auth?: { token: string; deviceKey: CryptoKey },
): Promise<{ status: number; json: Record<string, unknown> }> {
  let res: Response;
  const text = JSON.stringify(body);
  const signed = auth
    ? await signDeviceRequest(auth.deviceKey, { method: "POST", path, timeMs: Date.now(), body: text })
    : {};
  try {
    res = await fetch(new URL(path, url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(auth ? { authorization: `Bearer ${auth.token}`, ...signed } : {}),
      },
      body: text,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new GateCliError(`cannot reach the gate service at ${url} (${(err as Error).message})`);
  }
  try {
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  } catch {
    throw new GateCliError(`the gate service at ${url} answered HTTP ${res.status} with no JSON`);
  }
}

export function describeVerdict(v: GateVerdict): string {
  if (v.result === "ADMIT") return `ADMIT  ticket #${v.tokenId} of ${v.contract}, holder ${v.holder}, gate ${v.gateId}`;
  const about = v.tokenId ? ` (ticket #${v.tokenId})` : "";
  return `DENY   ${v.reason}: ${denyReasonText[v.reason] ?? v.message}${about}`;
}

/** Runs the CLI; returns the exit code. */
export async function runGateCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.error;
  const settings = () => {
    const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(io.env).filter(([, v]) => v)));
    if (!parsed.success)
      throw new GateCliError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    return parsed.data;
  };
  const program = new Command("gate")
    .description("Fairgate scanner: check passes at the door")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command("scan")
    .description("verify a pass (the QR text) at this gate")
    .argument("<payload>", "the pass text from the QR code")
    .option("--id-number <id>", "the holder's ID number, for named tickets (never stored)")
    .action(async (payload: string, opts: { idNumber?: string }) => {
      const s = settings();
      if (!s.GATE_SESSION_TOKEN)
        throw new GateCliError(
          "no scanner session: run `npm run gate -- session invite <code>` and export GATE_SESSION_TOKEN",
        );
      const deviceKey = await loadDeviceKey(s.GATE_DEVICE_KEY_FILE);
      const body = { pass: payload, ...(opts.idNumber ? { idNumber: opts.idNumber } : {}) };
      const { json } = await post(s.GATE_INDEXER_URL, "/gate/pass/scan", body, {
        token: s.GATE_SESSION_TOKEN,
        deviceKey,
      });
      if (json.result !== "ADMIT" && json.result !== "DENY")
        throw new GateCliError(`unexpected answer: ${JSON.stringify(json)}`);
      const verdict = json as unknown as GateVerdict;
      io.out(describeVerdict(verdict));
      code = verdict.result === "ADMIT" ? EXIT.admit : EXIT.deny;
    });
  program
    .command("session")
    .description("scanner sessions")
    .command("invite")
    .description("redeem an organizer's one-time invite code; prints the session token")
    .argument("<code>", "invite code, e.g. ABCD-EFGH-JKMN-PQRS")
    .action(async (inviteCode: string) => {
      const s = settings();
      const device = await newDeviceKey();
      const { status, json } = await post(s.GATE_INDEXER_URL, "/gate/session/invite", {
        code: inviteCode,
        devicePublicKey: device.publicKey,
      });
      if (status !== 200) {
        const e = json.error as { code?: string; message?: string } | undefined;
        throw new GateCliError(`invite refused: ${e?.code ?? status} ${e?.message ?? ""}`.trim());
      }
      await device.save(s.GATE_DEVICE_KEY_FILE);
      io.out(
        `Signed in as gate ${String(json.gateId)} (zone ${String(json.zone)}) for ${String(json.contract)} until ${String(json.expiresAt)}.`,
      );
      io.out(`Device key: ${s.GATE_DEVICE_KEY_FILE} (scans are signed with it; the token does not work without it).`);
      io.out(`export GATE_SESSION_TOKEN=${String(json.token)}`);
      code = EXIT.admit;
    });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT.error;
    io.err(`gate: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runGateCli(process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    env: process.env,
  });
}
