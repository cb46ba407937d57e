import type { ReactNode } from "react";
import { IndexerStatus } from "./IndexerStatus";
import { SiteHeader } from "./SiteHeader";
import { WalletPanel } from "./WalletPanel";

/** Header, wallet panel, content and the indexer footer: the frame of every page but the full-screen pass. */
export function PageShell({
  subtitle,
  children,
  wallet = true,
  nav = true,
}: {
  subtitle?: string;
  children: ReactNode;
  wallet?: boolean;
  /** false: no site navigation (the door's locked-down scanner). */
  nav?: boolean;
}) {
  return (
    <div className="page">
      <SiteHeader subtitle={subtitle} nav={nav} />
      <main className="content">
        {wallet && <WalletPanel />}
        {children}
      </main>
      <IndexerStatus />
    </div>
  );
}
