/** RFC 4180 CSV: quote a cell when it holds a comma, quote or line break; CRLF between rows. */
export function toCsv(header: string[], rows: (string | number | bigint | boolean | undefined | null)[][]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
