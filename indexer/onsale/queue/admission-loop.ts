/**
 * Runs `admitTick` for every open sale on an interval. The service runs it on the sync-lease holder
 * only (indexer/leader-duties.ts); should two ever run, the sale row lock makes them take turns, so
 * the combined rate is still the sale's rate.
 */
import { gt, sql } from "drizzle-orm";
import { onsaleSales } from "../../db/schema";
import type { Db } from "../../db/types";
import { admitTick } from "./admit-tick";

export type AdmissionLoop = { stop(): Promise<void> };

export function startAdmissionLoop(opts: {
  db: Db;
  intervalMs: number;
  now: () => Date;
  randomInt?: (n: number) => number;
  log?: (line: string) => void;
}): AdmissionLoop {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    // Sales still admitting: any whose queue has positions beyond the admitted frontier, or not yet drawn.
    const sales = await opts.db
      .select({ id: onsaleSales.id })
      .from(onsaleSales)
      .where(
        sql`${onsaleSales.drawnAt} is null or ${gt(onsaleSales.nextPosition, sql`${onsaleSales.admittedThrough} + 1`)}`,
      );
    for (const s of sales) {
      if (stopped) return;
      await admitTick(opts.db, s.id, opts.now(), opts.randomInt);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  // setTimeout after each tick (not setInterval): a slow database never stacks ticks up.
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => opts.log?.(`admission tick failed: ${(err as Error).message}`))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, opts.intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
