import { denyReasonText, denyWords, type DenyReason } from "../../lib/gate/reasons";

/**
 * The words under the big DENY: the gate's shared reason words (with the offline list's time for
 * SNAPSHOT_BEHIND), or the server's message for codes the app does not know.
 */
export function verdictWords(reason: string | undefined, message?: string, snapshotAt?: number): string {
  if (reason && reason in denyReasonText) return denyWords(reason as DenyReason, { snapshotAt });
  return message ?? (reason ? `Refused (${reason}).` : "Refused.");
}
