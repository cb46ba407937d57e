import { denyReasonText, type DenyReason } from "../../lib/gate/reasons";

/** The words under the big DENY: the gate's shared reason text, or the server's message for codes the app does not know. */
export function verdictWords(reason: string | undefined, message?: string): string {
  if (reason && reason in denyReasonText) return denyReasonText[reason as DenyReason];
  return message ?? (reason ? `Refused (${reason}).` : "Refused.");
}
