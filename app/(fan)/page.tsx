import { IndexerStatus } from "../components/IndexerStatus";
import { MyTickets } from "../components/MyTickets";
import { WalletPanel } from "../components/WalletPanel";

/** The fan's home: connect a wallet, see its tickets. */
export default function FanHomePage() {
  return (
    <div className="page">
      <header className="site-header">
        <h1>Fairgate</h1>
        <p className="muted">Your tickets, honestly yours.</p>
      </header>
      <main className="content">
        <WalletPanel />
        <MyTickets />
      </main>
      <IndexerStatus />
    </div>
  );
}
