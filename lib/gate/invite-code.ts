/**
 * Door-staff invite codes as people type them: case, spaces and dashes do not matter. The one
 * normalisation for the gate service (which hashes the canonical form) and the scanner's sign-in
 * form (which checks and shows it). Codes are 16 letters and digits, shown ABCD-EFGH-JKMN-PQRS.
 */

/** The canonical form: upper case, letters and digits only (what the server hashes). */
export function inviteCodeKey(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/**
 * `" abcd efgh-jkmn pqrs "` → `"ABCD-EFGH-JKMN-PQRS"`; null when it is not 16 letters and digits.
 *
 * @example
 * formatInviteCode("abcd efgh jkmn pqrs"); // "ABCD-EFGH-JKMN-PQRS"
 */
export function formatInviteCode(typed: string): string | null {
  const key = inviteCodeKey(typed);
  if (key.length !== 16) return null;
  return key.match(/.{4}/g)!.join("-");
}
