import type { ReactNode } from "react";
import { indexerErrorWords } from "../queries/indexer-error-words";

/** Loading state of a list or view; `testId` lets browser tests wait on it. */
export function Loading({ children = "Loading…", testId = "loading" }: { children?: ReactNode; testId?: string }) {
  return (
    <p className="muted" aria-busy="true" data-testid={testId}>
      {children}
    </p>
  );
}

/** Error state with the reason and a retry. */
export function ErrorState({
  error,
  retry,
  testId = "error",
}: {
  error: unknown;
  retry?: () => void;
  testId?: string;
}) {
  const message =
    (error as { shortMessage?: string })?.shortMessage ?? (error instanceof Error ? error.message : String(error));
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

/** Error state of an indexer-backed view: says in words what is missing and why, with a retry. */
export function IndexerErrorState({
  error,
  what,
  retry,
  testId = "error",
}: {
  error: unknown;
  what: string;
  retry?: () => void;
  testId?: string;
}) {
  return <ErrorState error={new Error(indexerErrorWords(error, what))} {...(retry ? { retry } : {})} testId={testId} />;
}

/** Empty state: says what is missing and what to do. */
export function Empty({ children, testId = "empty" }: { children: ReactNode; testId?: string }) {
  return (
    <p className="empty" data-testid={testId}>
      {children}
    </p>
  );
}
