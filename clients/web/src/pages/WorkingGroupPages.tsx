import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { request } from "../api/graphql";
import {
  AddActionItem, CreateWorkingGroup, DialogueQuery, ScheduleWorkingGroupMeetings, SetActionItemStatus, SetWorkingGroupSeries,
  WorkingGroupQuery, WorkingGroupsQuery, type ActionItemStatus, type WorkingGroup,
} from "../api";
import { Field, FormError, fieldError, ownedBy } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { useQuery } from "../useQuery";
import { useViewer } from "../viewer";

/** The dialogue's working groups, as a section of the dialogue page. */
export function WorkingGroupList({ dialogueKey, secretariat }: { dialogueKey: string; secretariat: boolean }) {
  const { t } = useI18n();
  const { data } = useQuery(WorkingGroupsQuery, { key: dialogueKey });
  return (
    <section aria-labelledby="groups">
      <h2 id="groups">{t("workingGroups")}</h2>
      {secretariat && <Link to={`/dialogues/${dialogueKey}/groups/new`}>{t("newWorkingGroup")}</Link>}
      {data && data.workingGroups.length === 0 && <p>{t("noGroups")}</p>}
      <ul>
        {data?.workingGroups.map((g) => (
          <li key={g.id}>
            <Link to={`/groups/${g.id}`} dir="auto">{g.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NewWorkingGroupPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const dialogue = useQuery(DialogueQuery, { key });
  const [form, setForm] = useState({ groupKey: "", name: "", mandate: "" });
  const [states, setStates] = useState<string[]>([]);
  const [chairs, setChairs] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  if (!dialogue.data) return <FormError error={dialogue.error} />;
  const d = dialogue.data.dialogue;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { createWorkingGroup } = await request(CreateWorkingGroup, {
        key, groupKey: form.groupKey, group: { name: form.name, mandate: form.mandate, partnerStateCodes: states, chairIds: chairs },
      });
      navigate(`/groups/${createWorkingGroup.id}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section>
      <h1>{t("newWorkingGroup")}</h1>
      <form onSubmit={submit}>
        <Field label={t("name")} error={fieldError(error, "name")}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} dir="auto" />}</Field>
        <Field label={t("groupKey")} error={fieldError(error, "groupKey")}>{(p) => <input {...p} value={form.groupKey} onChange={(e) => setForm({ ...form, groupKey: e.target.value })} dir="ltr" />}</Field>
        <Field label={t("mandate")} error={fieldError(error, "mandate")}>{(p) => <textarea {...p} rows={4} value={form.mandate} onChange={(e) => setForm({ ...form, mandate: e.target.value })} dir="auto" />}</Field>
        <fieldset>
          <legend>{t("memberStates")}</legend>
          <div className="columns">
            {d.partnerStates.map((s) => (
              <label key={s.code} className="check">
                <input type="checkbox" checked={states.includes(s.code)} onChange={(e) => setStates(e.target.checked ? [...states, s.code] : states.filter((c) => c !== s.code))} />
                {s.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("chairs")}</legend>
          {d.members.filter((m) => m.roles.includes("FOCAL_POINT") || m.roles.includes("DELEGATE")).map((m) => (
            <label key={m.personId} className="check">
              <input type="checkbox" checked={chairs.includes(m.personId)} onChange={(e) => setChairs(e.target.checked ? [...chairs, m.personId] : chairs.filter((c) => c !== m.personId))} />
              <span dir="auto">{m.person?.name}</span>
            </label>
          ))}
        </fieldset>
        {!ownedBy(error, ["name", "groupKey", "mandate"]) && <FormError error={error} />}
        <button type="submit">{t("createGroup")}</button>
      </form>
    </section>
  );
}

const next: Record<ActionItemStatus, ActionItemStatus[]> = {
  OPEN: ["IN_PROGRESS", "DONE", "CANCELLED"],
  IN_PROGRESS: ["DONE", "CANCELLED"],
  DONE: ["OPEN"],
  CANCELLED: ["OPEN"],
};

export function WorkingGroupPage() {
  const { dialogue = "", key = "" } = useParams();
  const id = `${dialogue}/${key}`;
  const { t } = useI18n();
  const viewer = useViewer();
  const { data, error, setData } = useQuery(WorkingGroupQuery, { id });
  const directory = useQuery(DialogueQuery, { key: dialogue });
  const [series, setSeries] = useState({ recurrenceRule: "FREQ=MONTHLY;BYDAY=2TU", firstStartsLocal: "", timeZone: "Europe/Malta", durationMinutes: "120", city: "", hostCountry: "MT" });
  const [item, setItem] = useState({ title: "", ownerId: "", dueDate: "" });
  const [changeError, setChangeError] = useState<unknown>(null);
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data) return <p>{t("loading")}</p>;
  const g = data.workingGroup;
  const members = (directory.data?.dialogue.members ?? []).filter(
    (m) => (m.partnerStateCode && g.partnerStateCodes.includes(m.partnerStateCode)) || (m.organisationKey && g.organisationKeys.includes(m.organisationKey))
      || g.chairs.some((c) => c.personId === m.personId),
  );

  async function change(run: () => Promise<WorkingGroup>) {
    setChangeError(null);
    try {
      setData({ workingGroup: await run() });
    } catch (e) {
      setChangeError(e);
    }
  }

  return (
    <article>
      <h1 dir="auto">{g.name}</h1>
      <p dir="auto">{g.mandate}</p>
      <p>{t("chairs")}: {g.chairs.map((c) => c.name).join(", ")} · {t("memberStates")}: {g.partnerStateCodes.join(", ")}</p>
      <FormError error={changeError} />

      <section aria-labelledby="series">
        <h2 id="series">{t("series")}</h2>
        {g.series && <p dir="ltr">{g.series.recurrenceRule} · {g.series.firstStartsLocal} ({g.series.timeZone}) · {g.series.durationMinutes} min · {g.series.city}</p>}
        {g.viewerMayManage && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void change(async () => (await request(SetWorkingGroupSeries, {
                id, expectedVersion: g.version, series: { ...series, durationMinutes: Number(series.durationMinutes) },
              })).setWorkingGroupSeries);
            }}
          >
            <Field label={t("recurrenceRule")} error={fieldError(changeError, "recurrenceRule")}>{(p) => <input {...p} value={series.recurrenceRule} onChange={(e) => setSeries({ ...series, recurrenceRule: e.target.value })} dir="ltr" />}</Field>
            <Field label={t("firstMeeting")} error={fieldError(changeError, "firstStartsLocal")}>{(p) => <input {...p} type="datetime-local" value={series.firstStartsLocal} onChange={(e) => setSeries({ ...series, firstStartsLocal: e.target.value })} />}</Field>
            <Field label={t("durationMinutes")} error={fieldError(changeError, "durationMinutes")}>{(p) => <input {...p} type="number" value={series.durationMinutes} onChange={(e) => setSeries({ ...series, durationMinutes: e.target.value })} />}</Field>
            <Field label={t("city")} error={fieldError(changeError, "city")}>{(p) => <input {...p} value={series.city} onChange={(e) => setSeries({ ...series, city: e.target.value })} dir="auto" />}</Field>
            <Field label={t("timeZone")} error={fieldError(changeError, "timeZone")}>{(p) => <input {...p} value={series.timeZone} onChange={(e) => setSeries({ ...series, timeZone: e.target.value })} dir="ltr" />}</Field>
            <button type="submit">{t("setSeries")}</button>
          </form>
        )}
        {g.series && g.viewerMayManage && (
          <button type="button" onClick={() => void change(async () => (await request(ScheduleWorkingGroupMeetings, { id, count: 2 })).scheduleWorkingGroupMeetings)}>
            {t("scheduleNext", { count: 2 })}
          </button>
        )}
        <h3>{t("occurrences")}</h3>
        <ul>
          {g.occurrences.map((o) => (
            <li key={o.meetingId}><Link to={`/meetings/${o.meetingId}`}>{o.startsLocal.replace("T", " ")}</Link></li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t("actionItems")}</h2>
        <table>
          <thead><tr><th scope="col">{t("title")}</th><th scope="col">{t("owner")}</th><th scope="col">{t("dueDate")}</th><th scope="col">{t("status")}</th></tr></thead>
          <tbody>
            {g.actionItems.map((a) => (
              <tr key={a.id}>
                <td dir="auto">{a.title}</td>
                <td dir="auto">{a.ownerName}</td>
                <td>{a.dueDate}{a.overdue && <strong className="field-error"> ({t("overdue")})</strong>}</td>
                <td>
                  <span className="status">{t(`status_${a.status}` as MessageKey)}</span>{" "}
                  {next[a.status].filter((to) => g.viewerMayManage || (a.ownerId === viewer?.person.id && (to === "IN_PROGRESS" || to === "DONE"))).map((to) => (
                    <button key={to} type="button" className="link"
                      onClick={() => void change(async () => (await request(SetActionItemStatus, { id, itemId: a.id, status: to, expectedVersion: g.version })).setActionItemStatus)}>
                      {t("moveTo", { status: t(`status_${to}` as MessageKey) })}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {g.viewerMayManage && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void change(async () => (await request(AddActionItem, { id, item })).addActionItem);
            }}
          >
            <Field label={t("title")} error={fieldError(changeError, "title")}>{(p) => <input {...p} value={item.title} onChange={(e) => setItem({ ...item, title: e.target.value })} dir="auto" />}</Field>
            <Field label={t("owner")} error={fieldError(changeError, "ownerId")}>
              {(p) => (
                <select {...p} value={item.ownerId} onChange={(e) => setItem({ ...item, ownerId: e.target.value })}>
                  <option value="">—</option>
                  {members.map((m) => <option key={m.personId} value={m.personId}>{m.person?.name}</option>)}
                </select>
              )}
            </Field>
            <Field label={t("dueDate")} error={fieldError(changeError, "dueDate")}>{(p) => <input {...p} type="date" value={item.dueDate} onChange={(e) => setItem({ ...item, dueDate: e.target.value })} />}</Field>
            <button type="submit">{t("addActionItem")}</button>
          </form>
        )}
      </section>

      {g.documents.length > 0 && (
        <section aria-labelledby="group-documents">
          <h2 id="group-documents">{t("documents")}</h2>
          <ul>{g.documents.map((d) => <li key={d.id}><a href={d.url} dir="auto">{d.title}</a></li>)}</ul>
        </section>
      )}
    </article>
  );
}
