import { describe, expect, it } from "vitest";
import { leaderDuties, type Duty } from "./leader-duties";

function countingDuty(name: string, stopDelayMs = 0) {
  const stats = { running: 0, maxRunning: 0, starts: 0, stops: 0 };
  const duty: Duty = {
    name,
    start() {
      stats.starts++;
      stats.running++;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      return {
        async stop() {
          await new Promise((r) => setTimeout(r, stopDelayMs));
          stats.running--;
          stats.stops++;
        },
      };
    },
  };
  return { duty, stats };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe("leaderDuties", () => {
  it("starts the duties when the lease is taken and stops them when it is lost", async () => {
    const a = countingDuty("a");
    const b = countingDuty("b");
    const lines: string[] = [];
    const duties = leaderDuties([a.duty, b.duty], (l) => lines.push(l));
    expect(duties.running()).toBe(false);
    duties.setLeader(false);
    await settle();
    expect(a.stats.starts).toBe(0);

    duties.setLeader(true);
    duties.setLeader(true); // every step reports; only a change matters
    await settle();
    expect([a.stats.running, b.stats.running, a.stats.starts]).toEqual([1, 1, 1]);
    expect(duties.running()).toBe(true);
    expect(duties.names()).toEqual(["a", "b"]);

    duties.setLeader(false);
    await settle();
    expect([a.stats.running, b.stats.running, a.stats.stops]).toEqual([0, 0, 1]);
    expect(duties.names()).toEqual([]);
    expect(lines).toEqual(["leader: started a, b", "leader: stopped a, b (lease lost)"]);
  });

  it("never runs two copies when the lease flaps while a duty is still stopping", async () => {
    const slow = countingDuty("slow", 40);
    const duties = leaderDuties([slow.duty]);
    duties.setLeader(true);
    await settle();
    // Lost, then regained while the old copy is still stopping (40 ms).
    duties.setLeader(false);
    await new Promise((r) => setTimeout(r, 5));
    duties.setLeader(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(slow.stats.maxRunning).toBe(1);
    expect([slow.stats.starts, slow.stats.stops, slow.stats.running]).toEqual([2, 1, 1]);
    await duties.stop();
    expect(slow.stats.running).toBe(0);
  });

  it("a lease lost and regained before the change is handled leaves the duty running once", async () => {
    const d = countingDuty("d");
    const duties = leaderDuties([d.duty]);
    duties.setLeader(true);
    await settle();
    duties.setLeader(false);
    duties.setLeader(true);
    await settle();
    expect([d.stats.starts, d.stats.running]).toEqual([1, 1]);
    await duties.stop();
  });

  it("stays stopped after shutdown even if the lease is reported again", async () => {
    const d = countingDuty("d");
    const duties = leaderDuties([d.duty]);
    duties.setLeader(true);
    await duties.stop();
    duties.setLeader(true);
    await settle();
    expect(d.stats.running).toBe(0);
    expect(duties.running()).toBe(false);
  });
});
