/**
 * The mint list: a CSV with a `wallet` (or `address`) column, or a single column of addresses
 * without a header. Bad addresses and repeats are reported by line, never silently dropped.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { getAddress, isAddress, type Address } from "viem";
import { InputError } from "../errors";

export type WalletRow = { address: Address; line: number };
export type WalletList = {
  /** Valid, first occurrences, in file order: what gets minted. */
  recipients: WalletRow[];
  invalid: { line: number; value: string; reason: string }[];
  duplicates: { line: number; address: Address; firstLine: number }[];
  /** sha256 of the file bytes: keys the mint journal to this exact list. */
  sha256: string;
};

const ADDRESS_COLUMNS = ["wallet", "address"];

export async function readWalletsCsv(file: string): Promise<WalletList> {
  const bytes = await readFile(file).catch((e: Error) => {
    throw new InputError(`Cannot read ${file}: ${e.message}`);
  });
  return parseWalletsCsv(bytes, file);
}

export function parseWalletsCsv(bytes: Buffer, name: string): WalletList {
  let rows: string[][];
  try {
    rows = parse(bytes, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new InputError(`${name} is not readable CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (rows.length === 0) throw new InputError(`${name} is empty: expected a "wallet" column or one address per line.`);

  const header = rows[0]!.map((h) => h.toLowerCase());
  const hasHeader = !isAddress(rows[0]![0] ?? "", { strict: false });
  let column = 0;
  if (hasHeader) {
    column = header.findIndex((h) => ADDRESS_COLUMNS.includes(h));
    if (column < 0) {
      if (rows[0]!.length !== 1)
        throw new InputError(`${name} has no "wallet" or "address" column (header: ${rows[0]!.join(", ")}).`);
      column = 0; // one column with some other title
    }
  }

  const result: WalletList = { recipients: [], invalid: [], duplicates: [], sha256 };
  const firstSeen = new Map<string, number>();
  // csv-parse skips empty lines, so count lines from its info where possible; records map 1:1 here.
  const lines = lineNumbers(bytes);
  rows.forEach((row, index) => {
    if (hasHeader && index === 0) return;
    const line = lines[index] ?? index + 1;
    const value = row[column] ?? "";
    const reason = addressProblem(value);
    if (reason) {
      result.invalid.push({ line, value, reason });
      return;
    }
    const address = getAddress(value);
    const key = address.toLowerCase();
    const first = firstSeen.get(key);
    if (first !== undefined) {
      result.duplicates.push({ line, address, firstLine: first });
      return;
    }
    firstSeen.set(key, line);
    result.recipients.push({ address, line });
  });
  return result;
}

function addressProblem(value: string): string | undefined {
  if (!value) return "empty";
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return "not an address (0x + 40 hex digits)";
  if (!isAddress(value)) return "bad checksum (mixed case that is not EIP-55): check for a typo";
  if (/^0x0{40}$/.test(value)) return "the zero address";
  return undefined;
}

/** 1-based file line of each non-empty line (the records csv-parse returns, when none spans lines). */
function lineNumbers(bytes: Buffer): number[] {
  return bytes
    .toString("utf8")
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== "")
    .map((l) => l.line);
}
