import { useViewer } from "../viewer";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { DialogueQuery, MeetingsQuery, type MeetingListItem } from "../api";
import { FormError } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import { formatInZone, localDate, monthGrid } from "../time";
import { useQuery } from "../useQuery";
import { titleIn } from "../text";
import { WorkingGroupList } from "./WorkingGroupPages";

function MeetingList({ meetings }: { meetings: MeetingListItem[] }) {
  const { t, language } = useI18n();
  if (meetings.length === 0) return <p>{t("noMeetings")}</p>;
  return (
    <ul className="meetings">
      {meetings.map((m) => (
        <li key={m.id}>
          <Link to={`/meetings/${m.id}`} dir="auto">
            {titleIn(m.titles, language)}
          </Link>
          <span className="meta">
            {formatInZone(m.startsAt, m.timeZone, language)} · {m.city} · <span className={`status status-${m.status}`}>{m.status}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function MonthCalendar({ meetings }: { meetings: MeetingListItem[] }) {
  const { t, language } = useI18n();
  const now = new Date();
  const [month, setMonth] = useState({ year: now.getFullYear(), month: now.getMonth() + 1 });
  const byDay = new Map<string, MeetingListItem[]>();
  for (const m of meetings) {
    const day = localDate(m.startsAt, m.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const label = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(month.year, month.month - 1, 1)),
  );
  const move = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const index = year * 12 + (m - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  return (
    <div className="month">
      <div className="month-head">
        <button type="button" onClick={() => move(-1)} aria-label={t("previousMonth")}>
          ‹
        </button>
        <h3 aria-live="polite">{label}</h3>
        <button type="button" onClick={() => move(1)} aria-label={t("nextMonth")}>
          ›
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col">
                {d}
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
                      <span className="day">{Number(day.slice(8))}</span>
                      {(byDay.get(day) ?? []).map((m) => (
                        <Link key={m.id} to={`/meetings/${m.id}`} className="chip" dir="auto">
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

export function DialoguePage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const [view, setView] = useState<"list" | "calendar">("list");
  const viewer = useViewer();
  const dialogue = useQuery(DialogueQuery, { key });
  const upcoming = useQuery(MeetingsQuery, { key, upcoming: true });
  const past = useQuery(MeetingsQuery, { key, upcoming: false });
  const error = dialogue.error ?? upcoming.error ?? past.error;
  if (error) return <FormError error={error} />;
  if (!dialogue.data || !upcoming.data || !past.data) return <p>{t("loading")}</p>;
  const secretariat = dialogue.data.dialogue.viewerRoles.includes("SECRETARIAT") || viewer?.isAdministrator === true;
  const all = [...upcoming.data.meetings.nodes, ...past.data.meetings.nodes];
  return (
    <section>
      <h1>{dialogue.data.dialogue.name}</h1>
      <div className="actions">
        {secretariat && <Link className="button" to={`/dialogues/${key}/meetings/new`}>{t("newMeeting")}</Link>}
        {secretariat && <Link to={`/dialogues/${key}/directory`}>{t("directory")}</Link>}
        <Link to={`/dialogues/${key}/exchanges`}>{t("expertExchanges")}</Link>
        <Link to={`/dialogues/${key}/cities`}>{t("cities")}</Link>
      </div>
      <div role="group" aria-label={t("calendar")} className="toggle">
        <button type="button" aria-pressed={view === "list"} onClick={() => setView("list")}>
          {t("list")}
        </button>
        <button type="button" aria-pressed={view === "calendar"} onClick={() => setView("calendar")}>
          {t("calendar")}
        </button>
      </div>
      {view === "list" ? (
        <>
          <h2>{t("upcoming")}</h2>
          <MeetingList meetings={upcoming.data.meetings.nodes} />
          <h2>{t("past")}</h2>
          <MeetingList meetings={past.data.meetings.nodes} />
        </>
      ) : (
        <MonthCalendar meetings={all} />
      )}
      <WorkingGroupList dialogueKey={key} secretariat={secretariat} />
      <section aria-labelledby="registries">
        <h2 id="registries">{t("registry")}</h2>
        <ul className="inline">
          {dialogue.data.dialogue.partnerStates.map((s) => (
            <li key={s.code}><Link to={`/dialogues/${key}/registry/${s.code}`}>{s.name}</Link></li>
          ))}
        </ul>
      </section>
    </section>
  );
}
