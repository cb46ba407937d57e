"use client";

import { useConnection } from "wagmi";

type Props = { signIn: () => Promise<void>; busy: boolean; error: string | null; what: string; testId: string };

/** One button that signs the organizer in to the server (SIWE) before staff or sale actions. */
export function OrganizerSignIn({ signIn, busy, error, what, testId }: Props) {
  const { status } = useConnection();
  return (
    <div className="stack">
      <p className="muted small">
        Sign one message with the organizer&apos;s wallet to {what}. No transaction, no fee; the session lasts for this
        tab.
      </p>
      <button
        type="button"
        className="button secondary"
        data-testid={testId}
        disabled={status !== "connected" || busy}
        onClick={() => void signIn()}
      >
        {busy ? "Confirm in your wallet…" : "Sign in as organizer"}
      </button>
      {error && (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
