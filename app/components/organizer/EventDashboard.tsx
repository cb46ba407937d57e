"use client";

import { CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from "recharts";
import type { EventView } from "../../chain-reads/read-event";
import { usePrimarySales } from "../../hooks/useEvent";
import { useOrganizerSession } from "../../hooks/useOrganizerSession";
import { summariseActivity } from "../../organizer/summarise-activity";
import { ArrivalsCharts } from "./analytics/ArrivalsCharts";
import { ChartFrame, COLORS } from "./analytics/ChartFrame";
import { HoardingTable } from "./analytics/HoardingTable";
import { LeaksTable } from "./analytics/LeaksTable";
import { NoShowsChart } from "./analytics/NoShowsChart";
import { HeadlineNumbers } from "./HeadlineNumbers";
import { OrganizerSignIn } from "./OrganizerSignIn";
import { ResalePriceChart } from "./analytics/ResalePriceChart";

/**
 * Live dashboard, all from the indexer's analytics (lib/indexer-client): headline numbers, primary sales
 * per block and attendance, all from one set of counts (summariseActivity); then, once the organizer
 * signed in (the server shows them to nobody else), arrivals per gate, no-shows per tier, resale prices
 * against the cap, hoarding, leaks.
 */
export function EventDashboard({ event }: { event: EventView }) {
  const activity = usePrimarySales(event.address);
  const d = activity.data ? summariseActivity(activity.data) : null;
  const over = event.maxPerWallet > 0 ? event.maxPerWallet - 1 : 4;
  const org = useOrganizerSession(event.address);

  return (
    <section className="panel stack" data-testid="dashboard">
      <h2>Live dashboard</h2>
      {d && <HeadlineNumbers headline={d.headline} currency={event.currency} />}
      <ChartFrame
        title="Sales over time (by block)"
        testId="chart-sales"
        state={activity}
        empty={!d || d.salesByBlock.length === 0}
      >
        {() => (
          <LineChart data={d!.salesByBlock}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="block" />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(v) => `Block ${String(v)}`} />
            <Line
              type="stepAfter"
              dataKey="total"
              name="Tickets sold"
              stroke={COLORS[0]}
              dot
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
      {!org.session && (
        <OrganizerSignIn
          {...org}
          what="see the gate arrivals, no-shows, resales and hoarding"
          testId="analytics-sign-in"
        />
      )}
      {org.session && <ResalePriceChart contract={event.address} />}
      {org.session && <ArrivalsCharts contract={event.address} />}
      <div
        data-testid="attendance-figures"
        data-checked-in={d?.attendance[0]?.value ?? ""}
        data-not-yet={d?.attendance[1]?.value ?? ""}
      >
        <ChartFrame
          title="Checked in (at a gate or on chain) vs not yet"
          testId="chart-attendance"
          state={activity}
          empty={!d || d.headline.out === 0}
        >
          {() => (
            <PieChart>
              <Pie
                data={d!.attendance}
                dataKey="value"
                nameKey="name"
                outerRadius="80%"
                isAnimationActive={false}
                label
              >
                {d!.attendance.map((a, i) => (
                  <Cell key={a.name} fill={i === 0 ? COLORS[1] : "#9aa3b2"} />
                ))}
              </Pie>
              <Legend />
              <Tooltip />
            </PieChart>
          )}
        </ChartFrame>
      </div>
      {org.session && (
        <>
          <NoShowsChart contract={event.address} />
          <HoardingTable contract={event.address} over={over} />
          <LeaksTable contract={event.address} />
        </>
      )}
    </section>
  );
}
