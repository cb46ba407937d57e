/**
 * An admitted, signed-in fan gets one EIP-712 voucher for up to the per-identity cap. Wallet and
 * identity quotas, the entry's voucher slot and the stored voucher are written in one transaction,
 * so a voucher is issued once per admission (a retry gets the same one back) and no identity or
 * wallet passes the cap, whichever instance answers.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getAddress, zeroHash, type Hex } from "viem";
import type { OnsaleIssuedVoucher, OnsaleVoucherRequest } from "../../../lib/onsale/types";
import type { OnsaleVoucher } from "../../../lib/onsale/voucher";
import { onsaleEntries, onsaleSales, onsaleVouchers } from "../../db/schema";
import { loadSale } from "../sales/sale-row";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";
import type { OnsaleRateLimits } from "../friction/rate-limits";
import { findEntry, requireAdmitted } from "../queue/find-entry";
import { reserveQuota } from "./quotas";
import type { TierSupplyReader } from "./tier-supply";

type VoucherRow = typeof onsaleVouchers.$inferSelect;

class AlreadyIssued extends Error {}

export async function issueVoucher(
  deps: OnsaleDeps,
  limits: OnsaleRateLimits,
  supply: TierSupplyReader,
  token: string | undefined,
  req: OnsaleVoucherRequest,
): Promise<OnsaleIssuedVoucher> {
  const now = deps.now();
  const { entry, sale } = await findEntry(deps.db, token);
  requireAdmitted(sale, entry, now);
  if (!entry.wallet) throw new OnsaleError("NOT_SIGNED_IN");
  limits.take("wallet", sale.id, entry.wallet, sale.walletRequestsPerMinute);
  const { faceValue, remaining } = await supply(sale.contract, sale.tier);
  const existing = await storedVoucher(deps, entry.id);
  if (existing) return toIssued(deps.chainId, existing, faceValue);

  if (!Number.isInteger(req.quantity) || req.quantity < 1 || req.quantity > sale.maxPerIdentity) {
    throw new OnsaleError("QUANTITY_INVALID", `1 to ${sale.maxPerIdentity}`);
  }
  if (remaining === 0) throw new OnsaleError("SOLD_OUT");
  if (req.quantity > remaining) throw new OnsaleError("QUANTITY_INVALID", `only ${remaining} left`);

  let commitment: Hex = zeroHash;
  if (sale.identityRequired) {
    if (!req.idNumber) throw new OnsaleError("IDENTITY_REQUIRED");
    const verdict = await deps.identity.verify({
      saleId: sale.id,
      wallet: getAddress(entry.wallet),
      idNumber: req.idNumber,
      evidence: req.identityEvidence,
    });
    if (!verdict.ok) {
      // The provider said no (not a typo): the admission ends here, so its held stock goes back to the queue now.
      if (verdict.code === "IDENTITY_REJECTED") await releaseHold(deps, sale.id, entry.id);
      throw new OnsaleError(verdict.code, verdict.message);
    }
    commitment = verdict.commitment;
  }
  const signer = deps.signer;
  if (!signer) throw new OnsaleError("SIGNER_UNAVAILABLE", "no voucher signer configured (ONSALE_SIGNER_KEY)");

  const voucher: OnsaleVoucher = {
    to: getAddress(entry.wallet),
    tier: sale.tier,
    quantity: req.quantity,
    identityCommitment: commitment,
    nonce: `0x${randomBytes(32).toString("hex")}`,
    deadline: Math.floor(now.getTime() / 1000) + sale.voucherTtlSeconds,
  };
  const wallet = entry.wallet;
  try {
    const row = await deps.db.transaction(async (tx) => {
      // Sale row first, as the admission tick does: one lock order, no deadlock between instances.
      const locked = await loadSale(tx, sale.id, true);
      // The hold as this locked transaction sees it (the tick may have released it by expiry since).
      const [fresh] = await tx
        .select({ held: onsaleEntries.heldQuantity })
        .from(onsaleEntries)
        .where(eq(onsaleEntries.id, entry.id));
      const hold = fresh?.held ?? 0;
      const claimed = await tx
        .update(onsaleEntries)
        .set({ voucherNonce: voucher.nonce, heldQuantity: locked.supply > 0 ? req.quantity : 0 })
        .where(and(eq(onsaleEntries.id, entry.id), isNull(onsaleEntries.voucherNonce)))
        .returning({ id: onsaleEntries.id });
      if (claimed.length === 0) throw new AlreadyIssued();
      if (locked.supply > 0) {
        // Give back the part of the hold this fan did not take. A hold already released by expiry cannot be reused.
        if (hold === 0) throw new OnsaleError("ADMISSION_EXPIRED");
        await tx
          .update(onsaleSales)
          .set({ held: sql`${onsaleSales.held} - ${hold - req.quantity}` })
          .where(eq(onsaleSales.id, sale.id));
      }
      const w = await reserveQuota(tx, {
        saleId: sale.id,
        kind: "wallet",
        key: wallet,
        quantity: req.quantity,
        cap: sale.maxPerIdentity,
        wallet,
      });
      if (!w.ok) throw new OnsaleError("WALLET_CAP_REACHED", `${w.used} of ${sale.maxPerIdentity} already promised`);
      if (commitment !== zeroHash) {
        const i = await reserveQuota(tx, {
          saleId: sale.id,
          kind: "identity",
          key: commitment,
          quantity: req.quantity,
          cap: sale.maxPerIdentity,
          wallet,
        });
        if (!i.ok) {
          // Never say which wallet used the ID first: that would turn a guessed ID number into a wallet's identity.
          throw new OnsaleError("IDENTITY_CAP_REACHED", `${i.used} of ${sale.maxPerIdentity} already promised`);
        }
      }
      let signature: Hex;
      try {
        signature = await signer.sign(deps.chainId, getAddress(sale.contract), voucher);
      } catch (err) {
        throw new OnsaleError("SIGNER_UNAVAILABLE", (err as Error).message.split("\n")[0]);
      }
      const [inserted] = await tx
        .insert(onsaleVouchers)
        .values({
          ...voucher,
          saleId: sale.id,
          entryId: entry.id,
          contract: sale.contract,
          wallet,
          signature,
          issuedAt: now,
        })
        .returning();
      return inserted!;
    });
    return toIssued(deps.chainId, row, faceValue);
  } catch (err) {
    if (!(err instanceof AlreadyIssued)) throw err;
    const row = await storedVoucher(deps, entry.id);
    if (!row) throw new OnsaleError("NOT_ADMITTED", "voucher being issued by a concurrent request; retry");
    return toIssued(deps.chainId, row, faceValue);
  }
}

async function releaseHold(deps: OnsaleDeps, saleId: string, entryId: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await loadSale(tx, saleId, true);
    const [entry] = await tx
      .select({ held: onsaleEntries.heldQuantity })
      .from(onsaleEntries)
      .where(eq(onsaleEntries.id, entryId));
    if (!entry || entry.held === 0) return;
    await tx
      .update(onsaleEntries)
      .set({ heldQuantity: 0 })
      .where(and(eq(onsaleEntries.id, entryId), isNull(onsaleEntries.voucherNonce)));
    await tx
      .update(onsaleSales)
      .set({ held: sql`${onsaleSales.held} - ${entry.held}` })
      .where(eq(onsaleSales.id, saleId));
  });
}

async function storedVoucher(deps: OnsaleDeps, entryId: number): Promise<VoucherRow | undefined> {
  const [row] = await deps.db.select().from(onsaleVouchers).where(eq(onsaleVouchers.entryId, entryId));
  return row;
}

function toIssued(chainId: number, row: VoucherRow, faceValue: bigint): OnsaleIssuedVoucher {
  return {
    chainId,
    contract: getAddress(row.contract),
    voucher: {
      to: getAddress(row.wallet),
      tier: row.tier,
      quantity: row.quantity,
      identityCommitment: row.identityCommitment as Hex,
      nonce: row.nonce as Hex,
      deadline: row.deadline,
    },
    signature: row.signature as Hex,
    price: (faceValue * BigInt(row.quantity)).toString(),
  };
}
