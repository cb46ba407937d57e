import { MyTickets } from "../components/MyTickets";
import { PageShell } from "../components/PageShell";

/** The fan's home: connect a wallet, see its tickets. */
export default function FanHomePage() {
  return (
    <PageShell subtitle="Your tickets, honestly yours.">
      <MyTickets />
    </PageShell>
  );
}
