/**
 * Builds the waiting room's dependencies from the indexer config (signer, identity provider)
 * and the admission loop's starter: main.ts runs the loop only on the sync-lease holder.
 */
import type { Address, PublicClient } from "viem";
import { LOCAL_CHAIN_ID } from "../../lib/chain";
import type { Db } from "../db/types";
import type { IdentityProvider } from "./identity/identity-provider";
import { createDevIdentityProvider } from "./identity/dev-identity-provider";
import type { OnsaleSettings } from "./onsale-config";
import type { OnsaleDeps } from "./onsale-deps";
import { startAdmissionLoop, type AdmissionLoop } from "./queue/admission-loop";
import { nodeAccountVoucherSigner, privateKeyVoucherSigner, type VoucherSigner } from "./vouchers/voucher-signer";

export type OnsaleOverrides = { identity?: IdentityProvider; signer?: VoucherSigner };

/** Refuses every identity: used when no IDENTITY_PEPPER is configured. */
const noIdentityProvider: IdentityProvider = {
  name: "none",
  verify: async () => ({ ok: false, code: "IDENTITY_REJECTED", message: "this service has no IDENTITY_PEPPER, so it cannot run real-name sales" }),
};

export async function startOnsale(opts: {
  db: Db;
  client: PublicClient;
  chainId: number;
  siweDomains: readonly string[];
  identityPepper?: string | undefined;
  settings?: OnsaleSettings | undefined;
  overrides?: OnsaleOverrides | undefined;
  log: (line: string) => void;
}): Promise<{ deps: OnsaleDeps; startAdmission: () => AdmissionLoop }> {
  const s = opts.settings ?? { trustProxy: false, admitIntervalMs: 250 };
  let signer = opts.overrides?.signer;
  if (!signer && s.signerKey) signer = privateKeyVoucherSigner(s.signerKey);
  if (!signer && opts.chainId === LOCAL_CHAIN_ID) {
    // Local chain: the node's unlocked account (default #0, the demo organizer) signs.
    const accounts = (await opts.client.request({ method: "eth_accounts" as never }).catch(() => [])) as Address[];
    const account = accounts[s.signerAccount ?? 0];
    if (account) signer = nodeAccountVoucherSigner(opts.client, account);
  }
  if (!signer) opts.log("no voucher signer (ONSALE_SIGNER_KEY): waiting rooms run, vouchers are refused");
  const deps: OnsaleDeps = {
    db: opts.db,
    client: opts.client,
    chainId: opts.chainId,
    siweDomains: opts.siweDomains,
    signer,
    identity: opts.overrides?.identity ?? (opts.identityPepper ? createDevIdentityProvider(opts.identityPepper) : noIdentityProvider),
    adminToken: s.adminToken,
    trustProxy: s.trustProxy,
    now: () => new Date(),
    log: opts.log,
  };
  const startAdmission = () => startAdmissionLoop({ db: opts.db, intervalMs: s.admitIntervalMs, now: deps.now, log: opts.log });
  return { deps, startAdmission };
}
