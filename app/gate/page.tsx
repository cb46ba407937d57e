import { GateConsole } from "../components/gate/GateConsole";
import { PageShell } from "../components/PageShell";

/** The scanner at the door. */
export default function GatePage() {
  return (
    <PageShell subtitle="Gate" wallet={false}>
      <GateConsole />
    </PageShell>
  );
}
