/** Queue places are bearer tokens: 256 random bits to the fan, only the SHA-256 in the database. */
import { createHash, randomBytes } from "node:crypto";

export function newEntryToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashEntryToken(token) };
}

export function hashEntryToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
