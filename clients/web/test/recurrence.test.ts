import { describe, expect, it } from "vitest";
import { readRule, repeatOf, ruleFor } from "../src/recurrence";

describe("a working group's series", () => {
  it("builds the usual rhythms from the first meeting's date", () => {
    // 14 January 2031 is the second Tuesday of the month; 31 January 2031 the fifth (last) Friday.
    expect(ruleFor("MONTHLY", "2031-01-14T10:00")).toBe("FREQ=MONTHLY;BYDAY=2TU");
    expect(ruleFor("QUARTERLY", "2031-01-14T10:00")).toBe("FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU");
    expect(ruleFor("WEEKLY", "2031-01-14T10:00")).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(ruleFor("FORTNIGHTLY", "2031-01-14T10:00")).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    expect(ruleFor("MONTHLY", "2031-01-31T10:00")).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(ruleFor("MONTHLY", "")).toBeNull();
  });

  it("recognises a rule it built, and calls any other custom", () => {
    expect(repeatOf("FREQ=MONTHLY;BYDAY=2TU", "2031-01-14T10:00")).toBe("MONTHLY");
    expect(repeatOf("freq=weekly;byday=tu", "2031-01-14T10:00")).toBe("WEEKLY");
    expect(repeatOf("FREQ=MONTHLY;BYDAY=3TU", "2031-01-14T10:00")).toBe("CUSTOM");
    expect(repeatOf("FREQ=HOURLY", "2031-01-14T10:00")).toBe("CUSTOM");
  });

  it("reads the rules people use, and no other", () => {
    expect(readRule("FREQ=MONTHLY;BYDAY=2TU", "2031-01-14T10:00")).toEqual({ kind: "monthlyWeekday", interval: 1, week: 2, weekday: 2 });
    expect(readRule("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", "2031-01-31T10:00")).toEqual({ kind: "monthlyWeekday", interval: 3, week: 5, weekday: 5 });
    expect(readRule("FREQ=WEEKLY;BYDAY=MO,WE", "2031-01-13T10:00")).toEqual({ kind: "weekly", interval: 1, weekdays: [1, 3] });
    expect(readRule("FREQ=WEEKLY", "2031-01-14T10:00")).toEqual({ kind: "weekly", interval: 1, weekdays: [2] });
    expect(readRule("FREQ=MONTHLY", "2031-01-14T10:00")).toEqual({ kind: "monthlyDay", interval: 1, day: 14 });
    expect(readRule("FREQ=YEARLY;INTERVAL=2", "2031-01-14T10:00")).toEqual({ kind: "yearly", interval: 2 });
    expect(readRule("FREQ=HOURLY", "2031-01-14T10:00")).toBeNull();
    expect(readRule("FREQ=MONTHLY;BYDAY=2TU;COUNT=5", "2031-01-14T10:00")).toBeNull();
    expect(readRule("FREQ=MONTHLY;BYDAY=2XX", "2031-01-14T10:00")).toBeNull();
    expect(readRule("FREQ=WEEKLY;INTERVAL=0", "2031-01-14T10:00")).toBeNull();
  });
});
