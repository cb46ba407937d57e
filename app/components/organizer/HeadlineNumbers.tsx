"use client";

import { type Currency, formatPrice } from "../../../lib/currency/currency";
import type { Headline } from "../../organizer/summarise-activity";

/** The four numbers the dashboard opens on; the charts below draw the same counts. */
export function HeadlineNumbers({ headline, currency }: { headline: Headline; currency: Currency }) {
  const figures = [
    { key: "sold", label: "Sold", value: headline.sold.toLocaleString("en") },
    { key: "revenue", label: "Revenue", value: formatPrice(headline.revenue, currency) },
    {
      key: "capacity",
      label: "Of capacity",
      value: `${headline.percentOfCapacity} %`,
      note: `${headline.out.toLocaleString("en")} of ${headline.capacity.toLocaleString("en")} tickets out`,
    },
    {
      key: "checked-in",
      label: "Checked in",
      value: headline.checkedIn.toLocaleString("en"),
      note: `of ${headline.out.toLocaleString("en")} (at a gate or on chain)`,
    },
  ];
  return (
    <dl className="headline-numbers row" data-testid="headline-numbers">
      {figures.map((f) => (
        <div key={f.key} className="stack" data-testid={`headline-${f.key}`} data-value={f.value}>
          <dt className="small">{f.label}</dt>
          <dd>
            <strong>{f.value}</strong>
            {f.note && <div className="small">{f.note}</div>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
