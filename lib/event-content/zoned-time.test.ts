import { describe, expect, it } from "vitest";
import { unixToZoned, zonedToUnix } from "./zoned-time";

describe("zoned wall-clock times", () => {
  it("reads a wall time in the event's zone, summer and winter", () => {
    expect(zonedToUnix("2033-07-01T19:30", "Europe/Berlin")).toBe(Date.UTC(2033, 6, 1, 17, 30) / 1000);
    expect(zonedToUnix("2033-01-15T19:30", "Europe/Berlin")).toBe(Date.UTC(2033, 0, 15, 18, 30) / 1000);
    expect(zonedToUnix("2033-01-15T19:30", "America/New_York")).toBe(Date.UTC(2033, 0, 16, 0, 30) / 1000);
    expect(zonedToUnix("2033-01-15T19:30", "UTC")).toBe(Date.UTC(2033, 0, 15, 19, 30) / 1000);
  });

  it("round-trips, and refuses text that is not a time", () => {
    const t = zonedToUnix("2033-03-27T12:00", "Europe/London")!;
    expect(unixToZoned(t, "Europe/London")).toBe("2033-03-27T12:00");
    expect(zonedToUnix("tomorrow", "UTC")).toBeNull();
  });
});
