import type { Metadata } from "next";
import { UpcomingEvents } from "../components/events/UpcomingEvents";
import { MyTickets } from "../components/MyTickets";
import { PageShell } from "../components/PageShell";
import { WalletPanel } from "../components/WalletPanel";

export const metadata: Metadata = { title: { absolute: "Fairgate · honest tickets" } };

/** The public home: what Fairgate is, what is on (no wallet needed), then the connected wallet's tickets. */
export default function FanHomePage() {
  return (
    <PageShell subtitle="Your tickets, honestly yours." wallet={false}>
      <section className="panel stack" data-testid="home-intro">
        <p>
          Fairgate sells tickets as tokens in your own wallet, so nobody can copy them and resale never goes above the
          price the organizer allows.
        </p>
        <p>
          Pick an event below to buy without an account; at the door your phone shows a pass that admits each ticket
          exactly once.
        </p>
      </section>
      <UpcomingEvents />
      <WalletPanel />
      <MyTickets />
    </PageShell>
  );
}
