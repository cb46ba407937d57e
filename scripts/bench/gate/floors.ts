/**
 * The floors the gate's scan rate is compared with, measured on this machine in the same run:
 * a raw node:crypto P-256 verify (the pass hot path's only crypto) and viem's secp256k1
 * recovery of a SIWE-sized message (what a wallet-signature-per-scan gate would pay).
 */
import { generateKeyPairSync, sign, verify } from "node:crypto";
import { recoverMessageAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

export type Floor = { name: string; opsPerSecond: number; ops: number; ms: number };

async function rate(name: string, op: () => unknown, budgetMs: number, maxOps: number): Promise<Floor> {
  const started = performance.now();
  let ops = 0;
  while (ops < maxOps && performance.now() - started < budgetMs) {
    for (let i = 0; i < 16; i++) await op();
    ops += 16;
  }
  const ms = performance.now() - started;
  return { name, opsPerSecond: (ops / ms) * 1000, ops, ms };
}

export async function measureFloors(budgetMs = 1_500): Promise<Floor[]> {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const message = Buffer.alloc(100, 7);
  const signature = sign("sha256", message, { key: privateKey, dsaEncoding: "ieee-p1363" });
  const p256 = await rate(
    "node:crypto P-256 verify (1 core)",
    () => verify("sha256", message, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature),
    budgetMs,
    200_000,
  );

  const account = privateKeyToAccount(generatePrivateKey());
  const siwe = `127.0.0.1:3000 wants you to sign in with your Ethereum account:\n${account.address}\n\nAdmit me.\n\nURI: http://127.0.0.1:3000\nVersion: 1\nChain ID: 31337\nNonce: abcdefgh12345678\nIssued At: 2030-01-01T00:00:00.000Z`;
  const sig = await account.signMessage({ message: siwe });
  const k1 = await rate(
    "viem secp256k1 recoverMessageAddress (1 core)",
    () => recoverMessageAddress({ message: siwe, signature: sig }),
    budgetMs,
    5_000,
  );
  return [p256, k1];
}
