import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { Empty, IndexerErrorState, Loading } from "../../QueryStates";

/** A titled chart of indexer analytics with its loading, error (in words) and empty states (each with a test id browser tests can wait on). */
export function ChartFrame({
  title,
  testId,
  state,
  empty,
  children,
}: {
  title: string;
  testId: string;
  state: { isPending: boolean; error: unknown; refetch: () => unknown };
  empty: boolean;
  children: () => ReactElement;
}) {
  return (
    <figure className="stack" data-testid={testId} style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {state.isPending ? (
        <Loading testId={`${testId}-loading`} />
      ) : state.error ? (
        <IndexerErrorState
          error={state.error}
          what={`the “${title}” chart`}
          retry={() => void state.refetch()}
          testId={`${testId}-error`}
        />
      ) : empty ? (
        <Empty testId={`${testId}-empty`}>Nothing yet.</Empty>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height="100%">
            {children()}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export const COLORS = ["#2f5bea", "#137a3f", "#b7791f", "#b42318", "#6b46c1", "#0e7490"];
export const clock = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
