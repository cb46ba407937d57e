"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during server rendering and hydration, true afterwards. Wallet details (injected
 * wallet names, EIP-6963 announcements) exist only in the browser; rendering them after mount
 * keeps the server HTML and the first client render identical.
 */
export function useIsMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
