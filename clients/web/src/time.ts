/** Dates and times as people at a meeting read them: in the meeting's zone, with the viewer's own beside it. */

const locales: Record<string, string> = { en: "en-GB", fr: "fr-FR", ar: "ar-EG" };

export function formatInZone(instant: string | Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locales[language] ?? language, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(typeof instant === "string" ? new Date(instant) : instant);
}

/** When a meeting runs, from its start to its end, on its own clock ("12–14 Mar 2030, 09:00–17:00" as the language writes it). */
export function formatRangeInZone(start: string | Date, end: string | Date, timeZone: string, language: string): string {
  const at = (x: string | Date) => (typeof x === "string" ? new Date(x) : x);
  return new Intl.DateTimeFormat(locales[language] ?? language, { timeZone, dateStyle: "medium", timeStyle: "short" }).formatRange(at(start), at(end));
}

/** A zone's name as the viewer's language says it at that instant ("Central European Summer Time", "heure d’été d’Europe centrale"). */
export function zoneName(timeZone: string, instant: string | Date, language: string): string {
  const parts = new Intl.DateTimeFormat(locales[language] ?? language, { timeZone, timeZoneName: "long" }).formatToParts(
    typeof instant === "string" ? new Date(instant) : instant,
  );
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** The viewer's own zone (the browser's). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zones show the same wall-clock time at this instant (then the viewer's time need not be repeated). */
export function sameOffset(instant: string | Date, a: string, b: string): boolean {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const wall = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
  return wall(a) === wall(b);
}

/** The local date (YYYY-MM-DD) of an instant in a zone: which calendar day a meeting falls on. */
export function localDate(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The weeks of a month as rows of seven ISO dates (Monday first), with null outside the month. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array(lead).fill(null);
  for (let day = 1; day <= days; day++)
    cells.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The wall-clock date and time of an instant in a zone, as forms hold it ("2031-05-20T09:30"). */
export function localDateTime(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** The parts of a wall date or date-time ("2031-01-14" or "2031-01-14T10:00") as a UTC instant that shows them unchanged in UTC. */
function wall(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0))) : null;
}

/** A wall date ("2031-01-10": a due date, a roadmap's end) as the viewer's language writes it; the text itself when it is not a date. */
export function formatDate(local: string, language: string, style: "medium" | "long" | "full" = "medium"): string {
  const at = wall(local);
  return at ? new Intl.DateTimeFormat(locales[language] ?? language, { timeZone: "UTC", dateStyle: style }).format(at) : local;
}

/** A wall date and time ("2031-01-14T10:00", on the clock of the place it happens) as the viewer's language writes it. */
export function formatLocalTime(local: string, language: string): string {
  const at = wall(local);
  return at ? new Intl.DateTimeFormat(locales[language] ?? language, { timeZone: "UTC", dateStyle: "full", timeStyle: "short" }).format(at) : local;
}

/** The weekday (0 Sunday … 6 Saturday) and its week of the month (1–5) of a wall date. */
export function weekdayOf(local: string): { weekday: number; week: number } | null {
  const at = wall(local);
  return at ? { weekday: at.getUTCDay(), week: Math.ceil(at.getUTCDate() / 7) } : null;
}

/** A weekday's name in a language (0 Sunday … 6 Saturday). */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locales[language] ?? language, { timeZone: "UTC", weekday: "long" }).format(new Date(Date.UTC(2024, 0, 7 + weekday)));
}

/** The time zones of a country (ISO code), as the browser's time zone data lists them ("MT": Europe/Malta). */
export function zonesOf(country: string): string[] {
  if (!/^[A-Za-z]{2}$/.test(country)) return [];
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/** A zone as people name it in a language ("Central European Time", "heure d’Europe centrale"), with its id. */
export function zoneLabel(timeZone: string, language: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locales[language] ?? language, { timeZone, timeZoneName: "longGeneric" }).formatToParts(at);
    const name = parts.find((p) => p.type === "timeZoneName")?.value;
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** Every IANA zone the browser knows. */
export function allZones(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}
