/**
 * Builds the waiting room's dependencies from the indexer config (signer, identity provider)
 * and the admission loop's starter: main.ts runs the loop only on the sync-lease holder.
 */
import type { Address, PublicClient } from "viem";
import { LOCAL_CHAIN_ID } from "../../lib/chain";
import type { Db } from "../db/types";
import type { IdentityProvider } from "./identity/identity-provider";
import { createDevIdentityProvider } from "./identity/dev-identity-provider";
import { saleDefaultsFor } from "./sales/sale-defaults";
import type { OnsaleSettings } from "./onsale-config";
import type { OnsaleDeps } from "./onsale-deps";
import { startAdmissionLoop, type AdmissionLoop } from "./queue/admission-loop";
import { nodeAccountVoucherSigner, privateKeyVoucherSigner, type VoucherSigner } from "./vouchers/voucher-signer";

export type OnsaleOverrides = { identity?: IdentityProvider; signer?: VoucherSigner };

/** Refuses every identity: used without IDENTITY_PEPPER, and away from the local chain unless a real provider is plugged in. */
const noIdentityProvider: IdentityProvider = {
  name: "none",
  verify: async () => ({
    ok: false,
    code: "IDENTITY_REJECTED",
    message: "this service has no identity provider (and IDENTITY_PEPPER), so it cannot run real-name sales",
  }),
};

/** The dev provider only where asked for, or by default on the local chain; elsewhere none (startIndexer refuses `dev` there). */
function configuredIdentity(
  chainId: number,
  chosen: "dev" | "none" | undefined,
  pepper: string | undefined,
): IdentityProvider {
  const dev = chosen === "dev" || (chosen === undefined && chainId === LOCAL_CHAIN_ID);
  return dev && pepper ? createDevIdentityProvider(pepper) : noIdentityProvider;
}

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
  const s = opts.settings ?? { admitIntervalMs: 250 };
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
    identity: opts.overrides?.identity ?? configuredIdentity(opts.chainId, s.identityProvider, opts.identityPepper),
    saleDefaults: saleDefaultsFor(opts.chainId),
    adminToken: s.adminToken,
    now: () => new Date(),
    log: opts.log,
  };
  const startAdmission = () =>
    startAdmissionLoop({ db: opts.db, intervalMs: s.admitIntervalMs, now: deps.now, log: opts.log });
  return { deps, startAdmission };
}
