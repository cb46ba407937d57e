/** Waiting-room settings from the environment (validated with the rest of the indexer config). */
import { readFileSync } from "node:fs";
import type { Hex } from "viem";
import { z } from "zod";

export type OnsaleSettings = {
  /** Voucher signing key (ONSALE_SIGNER_KEY, or the file ONSALE_SIGNER_KEY_FILE names). */
  signerKey?: Hex | undefined;
  /** Local chain only: sign with this unlocked node account index instead of a key. */
  signerAccount?: number | undefined;
  adminToken?: string | undefined;
  /** `dev` accepts any well-formed ID (local runs only: refused on other chains); `none` refuses IDs. Unset: dev on the local chain when a pepper is set. */
  identityProvider?: "dev" | "none" | undefined;
  admitIntervalMs: number;
};

const keySchema = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x + 64 hex digits");

export const onsaleEnvSchema = z.object({
  ONSALE_SIGNER_KEY: keySchema.optional(),
  ONSALE_SIGNER_KEY_FILE: z.string().min(1).optional(),
  ONSALE_SIGNER_ACCOUNT: z.coerce.number().int().min(0).max(999).optional(),
  ONSALE_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  ONSALE_ADMIT_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(250),
  ONSALE_IDENTITY_PROVIDER: z.enum(["dev", "none"]).optional(),
});

/** Returns the settings or a list of problems (the caller reports them with the rest). */
export function onsaleSettingsFrom(e: z.output<typeof onsaleEnvSchema>): {
  settings?: OnsaleSettings;
  problems: string[];
} {
  let signerKey = e.ONSALE_SIGNER_KEY as Hex | undefined;
  if (e.ONSALE_SIGNER_KEY_FILE) {
    if (signerKey)
      return { problems: ["ONSALE_SIGNER_KEY_FILE: set either ONSALE_SIGNER_KEY or ONSALE_SIGNER_KEY_FILE, not both"] };
    let text: string;
    try {
      text = readFileSync(e.ONSALE_SIGNER_KEY_FILE, "utf8");
    } catch (err) {
      return { problems: [`ONSALE_SIGNER_KEY_FILE: cannot read (${(err as Error).message})`] };
    }
    const parsed = keySchema.safeParse(text);
    if (!parsed.success) return { problems: ["ONSALE_SIGNER_KEY_FILE: the file must hold 0x + 64 hex digits"] };
    signerKey = parsed.data as Hex;
  }
  return {
    problems: [],
    settings: {
      signerKey,
      signerAccount: e.ONSALE_SIGNER_ACCOUNT,
      adminToken: e.ONSALE_ADMIN_TOKEN,
      identityProvider: e.ONSALE_IDENTITY_PROVIDER,
      admitIntervalMs: e.ONSALE_ADMIT_INTERVAL_MS,
    },
  };
}
