import type { Metadata } from "next";
import { GateConsole } from "../components/gate/GateConsole";
import { PageShell } from "../components/PageShell";

export const metadata: Metadata = { title: "Gate" };

/** The scanner at the door: locked down, no site navigation (a steward's phone shows this page only). */
export default function GatePage() {
  return (
    <PageShell subtitle="Gate" wallet={false} nav={false}>
      <GateConsole />
    </PageShell>
  );
}
