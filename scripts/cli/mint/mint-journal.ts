/**
 * The mint journal: the plan (which recipients go in which batch) and each batch's progress,
 * written atomically before and after every send, so an interrupted mint resumes where it stopped.
 * It is keyed by chain, event, tier and the CSV's hash: another list gets another journal.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { InputError } from "../errors";

const hex = z.string().regex(/^0x[0-9a-fA-F]+$/);

const batchSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Recipients [from, to) of the valid list. */
  from: z.number().int().nonnegative(),
  to: z.number().int().positive(),
  status: z.enum(["pending", "sending", "confirmed"]),
  txHash: hex.optional(),
  firstTokenId: z.string().optional(),
});

const journalSchema = z.object({
  version: z.literal(1),
  chainId: z.number().int(),
  event: hex,
  tier: z.number().int(),
  minter: hex,
  csvSha256: z.string(),
  /** The chain's head before the first send: the on-chain check scans mints from here. */
  startBlock: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  recipients: z.number().int().nonnegative(),
  batches: z.array(batchSchema),
  updatedAt: z.string(),
});

export type MintBatch = z.infer<typeof batchSchema>;
export type MintJournal = z.infer<typeof journalSchema>;

export function defaultJournalPath(
  stateDir: string,
  key: { chainId: number; event: string; tier: number; csvSha256: string },
): string {
  return join(
    stateDir,
    "mint",
    `${key.chainId}-${key.event.toLowerCase()}-tier${key.tier}-${key.csvSha256.slice(0, 16)}.json`,
  );
}

export async function readJournal(file: string): Promise<MintJournal | undefined> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw e;
  });
  if (text === undefined) return undefined;
  const parsed = journalSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new InputError(
      `Mint journal ${file} is damaged (${parsed.error.issues[0]?.message}). Inspect it before deleting it: it records what was already minted.`,
    );
  return parsed.data;
}

/** Write-then-rename: a crash leaves the old journal or the new one, never half of one. */
export async function writeJournal(file: string, journal: MintJournal): Promise<void> {
  journal.updatedAt = new Date().toISOString();
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(journal, null, 2)}\n`);
  await rename(tmp, file);
}

/** Consecutive batches of `size` over `count` recipients. */
export function planBatches(count: number, size: number): MintBatch[] {
  return Array.from({ length: Math.ceil(count / size) }, (_, index) => ({
    index,
    from: index * size,
    to: Math.min(count, (index + 1) * size),
    status: "pending" as const,
  }));
}
