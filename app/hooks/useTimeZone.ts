"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** The browser's IANA time zone ("Europe/Berlin"); null while rendering on the server, which has none of the visitor's. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(
    never,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
