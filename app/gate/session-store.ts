import { z } from "zod";
import type { GateSession } from "../../lib/indexer-client/gate";

const KEY = "fairgate.gate-session";
const schema = z.object({
  token: z.string().min(1),
  contract: z.string(),
  gateId: z.string(),
  zone: z.number(),
  role: z.enum(["gate", "admin"]),
  staff: z.string(),
  expiresAt: z.string(),
});

/** The scanner's session, kept for the browser tab (sessionStorage) until it expires. */
export function readGateSession(storage: Storage, nowMs = Date.now()): GateSession | null {
  try {
    const parsed = schema.safeParse(JSON.parse(storage.getItem(KEY) ?? "null"));
    if (!parsed.success || new Date(parsed.data.expiresAt).getTime() <= nowMs) return null;
    return parsed.data as GateSession;
  } catch {
    return null;
  }
}

export function saveGateSession(storage: Storage, session: GateSession | null): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
