/** RPC calls by method, with how many were refused (an error answer) and how many were rate-limited (429 or its wording), for /health and /metrics. */
export type MethodCallCounts = { calls: number; refused: number; rateLimited: number };

export type RpcCallStats = {
  call(method: string): void;
  refused(method: string): void;
  rateLimited(method: string): void;
  snapshot(): Record<string, MethodCallCounts>;
};

export function rpcCallStats(): RpcCallStats {
  const byMethod = new Map<string, MethodCallCounts>();
  const of = (m: string) => {
    let c = byMethod.get(m);
    if (!c) byMethod.set(m, (c = { calls: 0, refused: 0, rateLimited: 0 }));
    return c;
  };
  return {
    call: (m) => void of(m).calls++,
    refused: (m) => void of(m).refused++,
    rateLimited: (m) => void of(m).rateLimited++,
    snapshot: () =>
      Object.fromEntries([...byMethod].sort(([a], [b]) => a.localeCompare(b)).map(([m, c]) => [m, { ...c }])),
  };
}
