import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./components/Providers";
import { deploymentFromFile } from "./config/factory-address";
import { readRuntimeConfig } from "./config/runtime";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fairgate", template: "%s · Fairgate" },
  description: "Honest NFT tickets: see your tickets, show your pass at the gate.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request, so INDEXER_URL, RPC_URL and CHAIN_ID are read when the server runs,
  // not frozen at build time.
  await connection();
  const env = readRuntimeConfig(process.env);
  const deployment = await deploymentFromFile(process.env, env.chainId);
  const config = {
    ...env,
    factory: env.factory ?? (deployment?.factory as `0x${string}` | undefined) ?? null,
    currencies: deployment?.currencies ?? [],
  };
  return (
    <html lang="en">
      <body>
        <Providers config={config}>{children}</Providers>
      </body>
    </html>
  );
}
