"use client";

import { formatEther } from "viem";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { EventView } from "../../chain-reads/read-event";
import { readActivity } from "../../chain-reads/read-activity";
import { useChainQuery } from "../../hooks/useChainQuery";
import { shortAddress } from "../../format/short-address";
import { summariseActivity } from "../../organizer/summarise-activity";
import { Empty, ErrorState, Loading } from "../QueryStates";

const COLORS = ["#2f5bea", "#137a3f", "#b7791f", "#b42318", "#6b46c1", "#0e7490"];
const clock = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

function Chart({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: React.ReactElement }) {
  return (
    <figure className="stack" data-testid={testId} style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {empty ? (
        <Empty testId={`${testId}-empty`}>Nothing yet.</Empty>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** Live dashboard: sales, resale prices against the cap, scans per gate, arrivals, attendance, heavy holders. */
export function EventDashboard({ event }: { event: EventView }) {
  const activity = useChainQuery(["activity", event.address], (client) => readActivity(client, event.address, event.market));
  if (activity.isPending) return <Loading testId="dashboard-loading">Loading the dashboard…</Loading>;
  if (activity.isError) return <ErrorState error={activity.error} retry={() => void activity.refetch()} testId="dashboard-error" />;
  const threshold = event.maxPerWallet > 0 ? event.maxPerWallet - 1 : 4;
  const d = summariseActivity(activity.data, threshold);
  const caps = [...new Set(event.tiers.filter((t) => t.mode !== 2).map((t) => Number(formatEther((t.faceValue * BigInt(t.resaleCapBps)) / 10_000n))))];

  return (
    <section className="panel stack" data-testid="dashboard">
      <h2>Live dashboard</h2>
      <Chart title="Sales over time" testId="chart-sales" empty={d.salesOverTime.length === 0}>
        <LineChart data={d.salesOverTime}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="minute" tickFormatter={clock} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(v) => clock(Number(v))} />
          <Line type="stepAfter" dataKey="total" name="Tickets sold" stroke={COLORS[0]} dot isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart title="Resale prices against the cap (ETH)" testId="chart-resales" empty={d.resalePrices.length === 0}>
        <ScatterChart>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={["auto", "auto"]} tickFormatter={clock} name="Time" />
          <YAxis dataKey="price" type="number" name="Price" />
          <Tooltip />
          {caps.map((cap, i) => (
            <ReferenceLine key={cap} y={cap} stroke={COLORS[3]} strokeDasharray="4 2" label={i === 0 ? "cap" : undefined} />
          ))}
          <Scatter data={d.resalePrices} fill={COLORS[0]} name="Resales" isAnimationActive={false} />
        </ScatterChart>
      </Chart>
      <Chart title="Scans per gate per minute" testId="chart-scans" empty={d.scansPerGate.length === 0}>
        <BarChart data={d.scansPerGate}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="minute" tickFormatter={clock} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(v) => clock(Number(v))} />
          <Legend formatter={(v) => shortAddress(String(v))} />
          {d.gates.map((g, i) => (
            <Bar key={g} dataKey={g} stackId="gates" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </Chart>
      <Chart title="Arrival curve" testId="chart-arrivals" empty={d.arrivals.length === 0}>
        <AreaChart data={d.arrivals}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="minute" tickFormatter={clock} />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(v) => clock(Number(v))} />
          <Area type="stepAfter" dataKey="arrived" name="Admitted so far" stroke={COLORS[1]} fill={COLORS[1]} fillOpacity={0.3} isAnimationActive={false} />
        </AreaChart>
      </Chart>
      <Chart title="Checked in vs not (yet)" testId="chart-attendance" empty={activity.data.totalTickets === 0}>
        <PieChart>
          <Pie data={d.attendance} dataKey="value" nameKey="name" outerRadius="80%" isAnimationActive={false} label>
            {d.attendance.map((a, i) => (
              <Cell key={a.name} fill={i === 0 ? COLORS[1] : "#9aa3b2"} />
            ))}
          </Pie>
          <Legend />
          <Tooltip />
        </PieChart>
      </Chart>
      <figure className="stack" data-testid="heavy-holders" style={{ margin: 0 }}>
        <figcaption>
          <strong>Wallets holding more than {threshold} tickets</strong>
        </figcaption>
        {d.heavyHolders.length === 0 ? (
          <Empty testId="heavy-holders-empty">None: no wallet stands out.</Empty>
        ) : (
          <ul className="list-plain small">
            {d.heavyHolders.map((h) => (
              <li key={h.wallet} className="mono" data-testid="heavy-holder">
                {h.wallet}: {h.tickets} tickets
              </li>
            ))}
          </ul>
        )}
      </figure>
    </section>
  );
}
