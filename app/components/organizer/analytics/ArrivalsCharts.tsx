"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { arrivalSeries } from "../../../organizer/analytics-series";
import { ChartFrame, clock, COLORS } from "./ChartFrame";
import { useEventAnalytics } from "./useEventAnalytics";

/** Admissions per gate per minute (stacked) and the arrival curve, from the indexer's gate tables. */
export function ArrivalsCharts({ contract }: { contract: string }) {
  const arrivals = useEventAnalytics("arrivals", contract);
  const s = arrivals.data ? arrivalSeries(arrivals.data) : null;
  const empty = !s || s.rows.length === 0;
  return (
    <>
      <ChartFrame title="Scans per gate per minute" testId="chart-scans" state={arrivals} empty={empty}>
        {() => (
          <BarChart data={s!.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={clock} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(v) => clock(Number(v))} />
            <Legend />
            {s!.gates.map((g, i) => (
              <Bar
                key={g.key}
                dataKey={g.key}
                name={g.gateId}
                stackId="gates"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <ChartFrame title="Arrival curve" testId="chart-arrivals" state={arrivals} empty={empty}>
        {() => (
          <AreaChart data={s!.curve}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={clock} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(v) => clock(Number(v))} />
            <Area
              type="stepAfter"
              dataKey="arrived"
              name="Admitted so far"
              stroke={COLORS[1]}
              fill={COLORS[1]}
              fillOpacity={0.3}
              isAnimationActive={false}
            />
          </AreaChart>
        )}
      </ChartFrame>
    </>
  );
}
