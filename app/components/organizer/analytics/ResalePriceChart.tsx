"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { resaleHistogram } from "../../../organizer/analytics-series";
import { ChartFrame, COLORS } from "./ChartFrame";
import { useEventAnalytics } from "./useEventAnalytics";

/** Resale prices as a share of face value, per tier, with each tier's cap marked. */
export function ResalePriceChart({ contract }: { contract: string }) {
  const prices = useEventAnalytics("resalePrices", contract);
  const h = prices.data ? resaleHistogram(prices.data) : null;
  const sold = prices.data?.tiers.reduce((s, t) => s + t.sales, 0) ?? 0;
  // Tiers with face value 0 have no "% of face": their resales are listed below, not drawn.
  const drawn = h?.tiers.reduce((s, t) => s + t.sales, 0) ?? 0;
  return (
    <div className="stack">
      <ChartFrame
        title="Resale prices against the cap (% of face value)"
        testId="chart-resales"
        state={prices}
        empty={drawn === 0}
      >
        {() => (
          <BarChart data={h!.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {h!.tiers.map((t, i) => (
              <Bar
                key={t.key}
                dataKey={t.key}
                name={`Tier ${t.tier}`}
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            {h!.tiers.map((t, i) => (
              <ReferenceLine
                key={`cap-${t.key}`}
                x={t.capLabel}
                stroke={COLORS[i % COLORS.length]}
                strokeDasharray="4 2"
                label={`cap ${t.tier}`}
              />
            ))}
          </BarChart>
        )}
      </ChartFrame>
      {prices.data && sold > 0 && (
        <ul className="list-plain small" data-testid="resale-stats">
          {prices.data.tiers
            .filter((t) => t.sales > 0)
            .map((t) => (
              <li key={t.tier} data-testid="resale-tier" data-tier={t.tier} data-at-cap={t.atCap}>
                Tier {t.tier}: {t.sales} resales, {t.atCap} at the cap ({t.resaleCapBps / 100} % of face)
                {t.aboveCap > 0 ? `, ${t.aboveCap} above it` : ""}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
