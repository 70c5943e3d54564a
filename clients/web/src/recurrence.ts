import { weekdayOf } from "./time";

/**
 * A working group's meeting series as people say it ("every month on the second Tuesday") and as iCalendar
 * writes it (RRULE, RFC 5545: FREQ=MONTHLY;BYDAY=2TU). The form offers the usual rhythms, built from the first
 * meeting's date; any other rule can still be written as it is.
 */

export const repeats = ["WEEKLY", "FORTNIGHTLY", "MONTHLY", "QUARTERLY", "CUSTOM"] as const;
export type Repeat = (typeof repeats)[number];

const days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/** The BYDAY of the first meeting's weekday in its month: 2TU for a second Tuesday, -1FR for a fifth (last) Friday. */
function monthlyDay(firstStartsLocal: string): string | null {
  const day = weekdayOf(firstStartsLocal);
  if (!day) return null;
  return `${day.week === 5 ? -1 : day.week}${days[day.weekday]}`;
}

/** The RRULE of a rhythm starting on the first meeting's date (null when that date is not given yet). */
export function ruleFor(repeat: Exclude<Repeat, "CUSTOM">, firstStartsLocal: string): string | null {
  const day = weekdayOf(firstStartsLocal);
  const byDay = monthlyDay(firstStartsLocal);
  if (!day || !byDay) return null;
  switch (repeat) {
    case "WEEKLY":
      return `FREQ=WEEKLY;BYDAY=${days[day.weekday]}`;
    case "FORTNIGHTLY":
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${days[day.weekday]}`;
    case "MONTHLY":
      return `FREQ=MONTHLY;BYDAY=${byDay}`;
    case "QUARTERLY":
      return `FREQ=MONTHLY;INTERVAL=3;BYDAY=${byDay}`;
  }
}

/** Which of the usual rhythms a rule is, from its first meeting (CUSTOM for any other). */
export function repeatOf(rule: string, firstStartsLocal: string): Repeat {
  const normal = rule.trim().toUpperCase();
  return repeats.find((r) => r !== "CUSTOM" && ruleFor(r, firstStartsLocal) === normal) ?? "CUSTOM";
}

/** A rule the app can say in words. */
export type RuleInWords =
  | { kind: "weekly"; interval: number; weekdays: number[] }
  | { kind: "monthlyWeekday"; interval: number; week: number; weekday: number }
  | { kind: "monthlyDay"; interval: number; day: number }
  | { kind: "yearly"; interval: number };

/**
 * What a rule says, for the rules people use (weekly on some days, monthly on a weekday or a day of the month,
 * yearly), read against its first meeting; null for one the app cannot say in words (it is then shown as written).
 */
export function readRule(rule: string, firstStartsLocal: string): RuleInWords | null {
  const parts = new Map<string, string>();
  for (const part of rule.trim().toUpperCase().replace(/^RRULE:/, "").split(";")) {
    const [name, value] = part.split("=");
    if (!name || value === undefined || parts.has(name)) return null;
    parts.set(name, value);
  }
  const known = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"]);
  if ([...parts.keys()].some((k) => !known.has(k))) return null;
  const interval = Number(parts.get("INTERVAL") ?? "1");
  if (!Number.isInteger(interval) || interval < 1) return null;
  const first = weekdayOf(firstStartsLocal);
  const byDay = parts.get("BYDAY");
  const byMonthDay = parts.get("BYMONTHDAY");
  switch (parts.get("FREQ")) {
    case "WEEKLY": {
      if (byMonthDay) return null;
      const weekdays = byDay ? byDay.split(",").map((d) => days.indexOf(d)) : first ? [first.weekday] : [];
      return weekdays.length > 0 && weekdays.every((d) => d >= 0) ? { kind: "weekly", interval, weekdays } : null;
    }
    case "MONTHLY": {
      if (byDay && !byMonthDay) {
        const m = /^(-1|[1-4])([A-Z]{2})$/.exec(byDay);
        const weekday = m ? days.indexOf(m[2]) : -1;
        return m && weekday >= 0 ? { kind: "monthlyWeekday", interval, week: Number(m[1]) === -1 ? 5 : Number(m[1]), weekday } : null;
      }
      if (byDay) return null;
      const day = Number(byMonthDay ?? firstStartsLocal.slice(8, 10));
      return Number.isInteger(day) && day >= 1 && day <= 31 ? { kind: "monthlyDay", interval, day } : null;
    }
    case "YEARLY":
      return byDay || byMonthDay ? null : { kind: "yearly", interval };
    default:
      return null;
  }
}
