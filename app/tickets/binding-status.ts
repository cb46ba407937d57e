/**
 * Where a ticket stands against its tier's real-name deadline, for the banner and the bind panel.
 * `due-soon` starts `warnSeconds` (default 48 h) before the deadline; after it an unbound ticket
 * is refused at the gate (IDENTITY_UNBOUND), which `missed` says plainly.
 */
export type BindingState = "not-required" | "bound" | "open" | "due-soon" | "missed";

export type BindingStatus = { state: BindingState; deadline: number | null; text: string };

export const BINDING_WARN_SECONDS = 48 * 3600;

export function bindingStatus(
  t: { bindingDeadline: number | null; bound: boolean },
  nowSeconds: number,
  warnSeconds = BINDING_WARN_SECONDS,
): BindingStatus {
  const deadline = t.bindingDeadline;
  if (deadline === null) return { state: "not-required", deadline, text: "" };
  const when = new Date(deadline * 1000).toUTCString();
  if (t.bound) return { state: "bound", deadline, text: "Bound to your identity: bring the same ID to the gate." };
  if (nowSeconds > deadline) {
    return {
      state: "missed",
      deadline,
      text: `Not valid without binding: the deadline (${when}) has passed and this ticket is not bound to an identity. The gate will refuse it.`,
    };
  }
  if (deadline - nowSeconds <= warnSeconds) {
    return {
      state: "due-soon",
      deadline,
      text: `Bind your identity before ${when}, or the gate will refuse this ticket.`,
    };
  }
  return { state: "open", deadline, text: `This tier is real-name: bind your identity before ${when}.` };
}
