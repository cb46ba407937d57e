"use client";

import { createContext, useContext } from "react";
import type { RuntimeConfig } from "../config/runtime";

/** Filled by `Providers` from the server's environment on each request. */
export const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** The indexer URL, RPC URL and chain id this page was served with. */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error("useRuntimeConfig must be used inside <Providers>.");
  return config;
}
