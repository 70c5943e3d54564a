import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useI18n } from "../i18n/i18n";
import { direction } from "../i18n/messages";
import { titleIn } from "../text";
import { localDate, monthGrid } from "../time";
import type { MeetingSummary } from "./MeetingList";

const useStyles = makeStyles({
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  month: { margin: 0, minWidth: "10rem", textAlign: "center" },
});

/** The month a meeting list opens on: the next meeting's, else this one. */
function firstMonth(meetings: MeetingSummary[]): { year: number; month: number } {
  const now = Date.now();
  const next = meetings.filter((m) => Date.parse(m.endsAt) >= now).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  const day = next ? localDate(next.startsAt, next.timeZone) : localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/**
 * Meetings on a month grid (Monday first), each on the day it starts in its own zone, month and day names in
 * the viewer's language. It opens on the month of the next meeting; the arrows turn with the reading direction.
 */
export function MonthCalendar({ meetings }: { meetings: MeetingSummary[] }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [month, setMonth] = useState(() => firstMonth(meetings));
  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of meetings) {
    const day = localDate(m.startsAt, m.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const label = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(month.year, month.month - 1, 1)));
  const move = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const index = year * 12 + (m - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  // 2024-01-01 is a Monday.
  const weekday = (i: number, style: "short" | "long") =>
    new Intl.DateTimeFormat(language, { weekday: style, timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i)));
  const rtl = direction(language) === "rtl";
  return (
    <div className="month">
      <div className={styles.head}>
        <Button appearance="subtle" icon={rtl ? <ChevronRightRegular /> : <ChevronLeftRegular />} onClick={() => move(-1)} aria-label={t("previousMonth")} />
        <h3 className={styles.month} aria-live="polite">
          {label}
        </h3>
        <Button appearance="subtle" icon={rtl ? <ChevronLeftRegular /> : <ChevronRightRegular />} onClick={() => move(1)} aria-label={t("nextMonth")} />
      </div>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {Array.from({ length: 7 }, (_, i) => (
              <th key={i} scope="col">
                <abbr title={weekday(i, "long")}>{weekday(i, "short")}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month.year, month.month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => (
                <td key={j}>
                  {day && (
                    <>
                      <span className="day">{new Intl.NumberFormat(language).format(Number(day.slice(8)))}</span>
                      {(byDay.get(day) ?? []).map((m) => (
                        <Link key={m.id} to={`/meetings/${m.id}`} className="chip" dir="auto" data-user-content>
                          {titleIn(m.titles, language)}
                        </Link>
                      ))}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
