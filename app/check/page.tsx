import type { Metadata } from "next";
import { Suspense } from "react";
import { TicketCheck } from "../components/check/TicketCheck";
import { PageShell } from "../components/PageShell";

export const metadata: Metadata = { title: "Check a ticket" };

/** Public: anyone can check a ticket before paying a stranger for it. No wallet needed. */
export default function CheckPage() {
  return (
    <PageShell subtitle="Check a ticket before you pay" wallet={false}>
      <Suspense>
        <TicketCheck />
      </Suspense>
    </PageShell>
  );
}
