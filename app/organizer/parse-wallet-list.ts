import { parse } from "csv-parse/browser/esm/sync";
import { getAddress, isAddress, type Address } from "viem";

export type WalletListProblem = { line: number; text: string; reason: "BAD_ADDRESS" | "DUPLICATE"; firstLine?: number };

export type WalletList = {
  /** Valid, checksummed, first occurrence of each wallet, in input order. */
  wallets: Address[];
  problems: WalletListProblem[];
  /** Header and blank lines ignored. */
  ignored: number;
};

/** At most this many rows are read from one paste or file, so a huge file cannot freeze the tab. */
export const MAX_WALLET_ROWS = 10_000;

export class WalletListError extends Error {
  override name = "WalletListError";
}

/**
 * Reads a pasted or uploaded CSV of wallets (the first column holds the address; a header row
 * and blank lines are skipped). Every bad address and every duplicate is reported with its line,
 * so the organizer can fix the file instead of guessing.
 *
 * @example
 * parseWalletList("wallet\n0x7099…79C8\n0x7099…79C8\nnope")
 * // { wallets: ["0x7099…79C8"], problems: [{ line: 3, reason: "DUPLICATE", firstLine: 2 }, { line: 4, reason: "BAD_ADDRESS" }], ignored: 1 }
 */
export function parseWalletList(text: string): WalletList {
  let rows: string[][];
  try {
    rows = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
      to_line: MAX_WALLET_ROWS + 1,
    }) as string[][];
  } catch (cause) {
    throw new WalletListError(`The CSV could not be read: ${(cause as Error).message}`, { cause });
  }
  const wallets: Address[] = [];
  const problems: WalletListProblem[] = [];
  const seen = new Map<string, number>();
  let ignored = 0;
  rows.forEach((row, index) => {
    const line = index + 1;
    const cell = (row[0] ?? "").trim();
    if (cell === "" || (line === 1 && !cell.startsWith("0x"))) {
      ignored++;
      return;
    }
    // Mixed-case addresses must carry a valid EIP-55 checksum (a typo in one is caught); all-lower or all-upper are accepted.
    if (!isAddress(cell, { strict: true })) {
      problems.push({ line, text: cell, reason: "BAD_ADDRESS" });
      return;
    }
    const key = cell.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, text: cell, reason: "DUPLICATE", firstLine: first });
      return;
    }
    seen.set(key, line);
    wallets.push(getAddress(cell));
  });
  return { wallets, problems, ignored };
}

/** Splits `items` into batches of at most `size` (one transaction each). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError("batch size must be at least 1");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
