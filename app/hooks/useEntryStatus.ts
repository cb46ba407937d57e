"use client";

import { useEffect, useState } from "react";
import { getEntryStatus, watchEntryStatus } from "../../lib/onsale/client";
import type { OnsaleEntryStatus } from "../../lib/onsale/types";
import { describeOnsaleError } from "../sale/describe-onsale-error";
import type { TxErrorDescription } from "../tx/describe-tx-error";

export type EntryStatusState = {
  status: OnsaleEntryStatus | null;
  /** The last failure to read the status (the stream keeps retrying by itself). */
  error: TxErrorDescription | null;
  /** True while the server pushes updates over Server-Sent Events. */
  live: boolean;
};

const FINAL = new Set(["voucher", "expired"]);

/**
 * The fan's queue entry, live: one read, then every status the server pushes on
 * `/onsale/entry/stream` (position, people ahead, estimated wait, admission), without reloading.
 * The stream is closed once the entry reaches a final state (voucher or expired).
 */
export function useEntryStatus(
  indexerUrl: string,
  token: string | null,
  initial: OnsaleEntryStatus | null = null,
): EntryStatusState & { set: (s: OnsaleEntryStatus) => void } {
  const [state, setState] = useState<EntryStatusState>({ status: initial, error: null, live: false });

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    const accept = (status: OnsaleEntryStatus) => {
      if (stopped) return;
      setState({ status, error: null, live: !FINAL.has(status.state) });
      if (FINAL.has(status.state)) stop?.();
    };
    getEntryStatus(indexerUrl, token).then(
      accept,
      (error: unknown) => !stopped && setState((s) => ({ ...s, error: describeOnsaleError(error) })),
    );
    stop = watchEntryStatus(indexerUrl, token, accept, () => !stopped && setState((s) => ({ ...s, live: false })));
    return () => {
      stopped = true;
      stop?.();
    };
  }, [indexerUrl, token]);

  return { ...state, set: (status) => setState({ status, error: null, live: state.live && !FINAL.has(status.state) }) };
}
