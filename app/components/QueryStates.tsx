import type { ReactNode } from "react";

/** Loading state of a list or view; `testId` lets browser tests wait on it. */
export function Loading({ children = "Loading…", testId = "loading" }: { children?: ReactNode; testId?: string }) {
  return (
    <p className="muted" aria-busy="true" data-testid={testId}>
      {children}
    </p>
  );
}

/** Error state with the reason and a retry. */
export function ErrorState({ error, retry, testId = "error" }: { error: unknown; retry?: () => void; testId?: string }) {
  const message = (error as { shortMessage?: string })?.shortMessage ?? (error instanceof Error ? error.message : String(error));
  return (
    <div className="error" role="alert" data-testid={testId}>
      {message}
      {retry && (
        <>
          {" "}
          <button type="button" className="link-button" onClick={retry}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}

/** Empty state: says what is missing and what to do. */
export function Empty({ children, testId = "empty" }: { children: ReactNode; testId?: string }) {
  return (
    <p className="empty" data-testid={testId}>
      {children}
    </p>
  );
}
