/**
 * Which secrets appear in a text (logs, a table dump, a response), case-insensitively. Returns
 * each found secret's first four characters only, so a failing assertion does not print it.
 */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  const haystack = text.toLowerCase();
  return secrets.filter((s) => s.length > 0 && haystack.includes(s.toLowerCase())).map((s) => `${s.slice(0, 4)}…`);
}
