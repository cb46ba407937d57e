"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import type { RuntimeConfig } from "../config/runtime";
import { createWagmiConfig } from "../config/wagmi";
import { RuntimeConfigContext } from "../hooks/useRuntimeConfig";
import { LiveUpdates } from "../live/LiveUpdates";

/** Client-side context for every page: runtime config, wagmi, React Query and the indexer's live change stream. */
export function Providers({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => createWagmiConfig(config));
  const [queryClient] = useState(() => new QueryClient());
  return (
    <RuntimeConfigContext value={config}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <LiveUpdates>{children}</LiveUpdates>
        </QueryClientProvider>
      </WagmiProvider>
    </RuntimeConfigContext>
  );
}
