import { describe, expect, it } from "vitest";
import { formatInZone, localDate, monthGrid, sameOffset } from "../src/time";

describe("time", () => {
  it("shows a meeting's time in its own zone", () => {
    expect(formatInZone("2026-05-22T07:00:00Z", "Europe/Malta", "en")).toContain("09:00");
    expect(formatInZone("2026-05-22T07:00:00Z", "Africa/Dakar", "en")).toContain("07:00");
  });

  it("puts a meeting on the calendar day of its own zone", () => {
    expect(localDate("2026-05-21T23:30:00Z", "Europe/Malta")).toBe("2026-05-22");
    expect(localDate("2026-05-21T23:30:00Z", "Africa/Dakar")).toBe("2026-05-21");
  });

  it("tells when two zones show the same time", () => {
    expect(sameOffset("2026-05-22T07:00:00Z", "Europe/Malta", "Europe/Rome")).toBe(true);
    expect(sameOffset("2026-05-22T07:00:00Z", "Europe/Malta", "Africa/Cairo")).toBe(false);
  });

  it("lays a month out in weeks from Monday", () => {
    const weeks = monthGrid(2026, 11);
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]).toBe("2026-11-01");
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});

describe("wall dates", () => {
  it("writes a date as each language does, without moving it to another day", async () => {
    const { formatDate, formatLocalTime, weekdayOf, weekdayName } = await import("../src/time");
    expect(formatDate("2031-01-10", "en")).toBe("10 Jan 2031");
    expect(formatDate("2031-01-10", "fr")).toBe("10 janv. 2031");
    expect(formatDate("2031-01-10", "ar")).toContain("٢٠٣١");
    expect(formatDate("2031-01-10", "ar", "long")).toContain("يناير");
    expect(formatDate("not a date", "en")).toBe("not a date");
    expect(formatLocalTime("2031-01-14T10:00", "en")).toMatch(/^Tuesday,? 14 January 2031 at 10:00$/);
    expect(weekdayOf("2031-01-14")).toEqual({ weekday: 2, week: 2 });
    expect(weekdayName(2, "fr")).toBe("mardi");
  });
});
