"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { noShowRows } from "../../../organizer/analytics-series";
import { ChartFrame, COLORS } from "./ChartFrame";
import { useEventAnalytics } from "./useEventAnalytics";

/** Attended vs no-shows (and refunded) per tier; the rate per tier underneath. */
export function NoShowsChart({ contract }: { contract: string }) {
  const noShows = useEventAnalytics("noShows", contract);
  const rows = noShows.data ? noShowRows(noShows.data) : [];
  const total = noShows.data?.total;
  return (
    <div className="stack">
      <ChartFrame
        title="No-shows per tier"
        testId="chart-no-shows"
        state={noShows}
        empty={!total || total.minted === 0}
      >
        {() => (
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="tier" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="attended" name="Attended" stackId="t" fill={COLORS[1]} isAnimationActive={false} />
            <Bar dataKey="noShows" name="No-shows" stackId="t" fill={COLORS[3]} isAnimationActive={false} />
            <Bar dataKey="refunded" name="Refunded" stackId="t" fill="#9aa3b2" isAnimationActive={false} />
          </BarChart>
        )}
      </ChartFrame>
      {noShows.data && total && total.minted > 0 && (
        <p className="small" data-testid="no-show-rates" data-started={String(noShows.data.started)}>
          {noShows.data.started
            ? rows.map((r) => `${r.tier}: ${r.rate}`).join(" · ")
            : "No-shows are counted once the event has started."}
        </p>
      )}
    </div>
  );
}
