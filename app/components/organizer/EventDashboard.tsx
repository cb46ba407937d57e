"use client";

import { CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from "recharts";
import type { EventView } from "../../chain-reads/read-event";
import { readActivity } from "../../chain-reads/read-activity";
import { useChainQuery } from "../../hooks/useChainQuery";
import { shortAddress } from "../../format/short-address";
import { summariseActivity } from "../../organizer/summarise-activity";
import { ArrivalsCharts } from "./analytics/ArrivalsCharts";
import { ChartFrame, clock, COLORS } from "./analytics/ChartFrame";
import { HoardingTable } from "./analytics/HoardingTable";
import { LeaksTable } from "./analytics/LeaksTable";
import { NoShowsChart } from "./analytics/NoShowsChart";
import { ResalePriceChart } from "./analytics/ResalePriceChart";

/**
 * Live dashboard. Primary sales and on-chain attendance come from the chain's logs; arrivals per
 * gate, no-shows per tier, resale prices against the cap and hoarding from the indexer's
 * analytics (lib/indexer-client), which know gate ids, admission times and provenance.
 */
export function EventDashboard({ event }: { event: EventView }) {
  const activity = useChainQuery(["activity", event.address], (client) => readActivity(client, event.address));
  const d = activity.data ? summariseActivity(activity.data) : null;
  const over = event.maxPerWallet > 0 ? event.maxPerWallet - 1 : 4;

  return (
    <section className="panel stack" data-testid="dashboard">
      <h2>Live dashboard</h2>
      <ChartFrame title="Sales over time" testId="chart-sales" state={activity} empty={!d || d.salesOverTime.length === 0}>
        {() => (
          <LineChart data={d!.salesOverTime}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={clock} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(v) => clock(Number(v))} />
            <Line type="stepAfter" dataKey="total" name="Tickets sold" stroke={COLORS[0]} dot isAnimationActive={false} />
          </LineChart>
        )}
      </ChartFrame>
      <ResalePriceChart contract={event.address} />
      <ArrivalsCharts contract={event.address} />
      <ChartFrame title="Checked in on chain vs not (yet)" testId="chart-attendance" state={activity} empty={!activity.data || activity.data.totalTickets === 0}>
        {() => (
          <PieChart>
            <Pie data={d!.attendance} dataKey="value" nameKey="name" outerRadius="80%" isAnimationActive={false} label>
              {d!.attendance.map((a, i) => (
                <Cell key={a.name} fill={i === 0 ? COLORS[1] : "#9aa3b2"} />
              ))}
            </Pie>
            <Legend />
            <Tooltip />
          </PieChart>
        )}
      </ChartFrame>
      <NoShowsChart contract={event.address} />
      <HoardingTable contract={event.address} over={over} />
      <LeaksTable contract={event.address} />
    </section>
  );
}
