import { Badge, Button, Input, Select, Textarea } from "@fluentui/react-components";
import { AddRegular, LinkRegular } from "@fluentui/react-icons";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import {
  AddMilestone, CitiesQuery, CityQuery, CityProfileVersionQuery, CreateCity, CreatePartnership, LinkableMeetingsQuery, LinkPartnershipMeeting, PartnershipQuery,
  SaveCityProfile, SetMilestoneStatus, type City, type MeetingVisibility, type Partnership,
} from "../api";
import { useGraphMutation, useGraphQuery, useRequestKey } from "../api/hooks";
import type { MilestoneStatus } from "../gql/graphql";
import { ChoicePicker } from "../components/ChoicePicker";
import { DataTable } from "../components/DataTable";
import { DateField } from "../components/DateTimeField";
import { EnumSelect } from "../components/EnumSelect";
import { Field, FormError, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import { NumberField } from "../components/NumberField";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useDirectory, type Directory } from "../directory";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { titleIn } from "../text";
import { formatDate } from "../time";

const sections = ["overview", "flows", "integrationServices", "actors", "dataAvailability"] as const;
type Profile = Record<(typeof sections)[number], string>;

/** The dialogue's cities and City-to-City partnerships; the secretariat adds both. */
export function CitiesPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const names = useNames();
  const data = useGraphQuery(CitiesQuery, { key });
  const { directory, error } = useDirectory(key);
  if (!data.data || !directory) return <Loading error={data.error ?? error} />;
  const { cities, cityPartnerships } = data.data;
  return (
    <article>
      <PageHeader title={t("cityToCity")} crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]} />
      <Section title={t("cities")}>
        <DataTable
          label={t("cities")}
          rows={cities}
          rowKey={(c) => c.id}
          empty={t("noCities")}
          columns={[
            { key: "name", header: t("name"), cell: (c) => <Link to={`/cities/${c.id}`} dir="auto" data-user-content>{c.name}</Link> },
            { key: "country", header: t("country"), cell: (c) => directory.stateName(c.countryCode) },
            { key: "population", header: t("population"), cell: (c) => (c.population === null ? t("notGiven") : names.number(c.population)) },
            { key: "profile", header: t("migrationProfile"), cell: (c) => (c.profile ? t("profileVersion", { number: c.profile.number }) : t("noProfileYet")) },
          ]}
        />
        {directory.secretariat && <NewCity dialogueKey={key} directory={directory} />}
      </Section>
      <Section title={t("partnerships")}>
        {cityPartnerships.length === 0 ? (
          <p className="empty">{t("noPartnerships")}</p>
        ) : (
          <ul className="cards">
            {cityPartnerships.map((p) => (
              <li key={p.id}>
                <Link to={`/partnerships/${p.id}`} dir="auto" data-user-content>{p.theme}</Link>
                <span className="meta" dir="auto"> · {names.list(p.cities.map((c) => c.name))}</span>
              </li>
            ))}
          </ul>
        )}
        {directory.secretariat && <NewPartnership dialogueKey={key} directory={directory} cities={cities} />}
      </Section>
    </article>
  );
}

function NewCity({ dialogueKey, directory }: { dialogueKey: string; directory: Directory }) {
  const { t } = useI18n();
  const notify = useNotify();
  const empty = { name: "", cityKey: "", countryCode: "", population: null as number | null };
  const [city, setCity] = useState(empty);
  const create = useGraphMutation(CreateCity, () => {
    setCity(empty);
    notify(t("cityAdded"));
  });
  const error = create.error;
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        create.mutate({ key: dialogueKey, ...city });
      }}
    >
      <h3>{t("addCity")}</h3>
      <div className="grid-form">
        <Field label={t("name")} required error={fieldError(error, "name")}>
          {(p) => <Input {...p} value={city.name} onChange={(_, d) => setCity({ ...city, name: d.value })} dir="auto" />}
        </Field>
        <Field label={t("cityKey")} required hint={t("groupKeyHint")} error={fieldError(error, "cityKey")}>
          {(p) => <Input {...p} value={city.cityKey} onChange={(_, d) => setCity({ ...city, cityKey: d.value })} dir="ltr" />}
        </Field>
        <Field label={t("country")} required error={fieldError(error, "countryCode")}>
          {(p) => (
            <Select {...p} value={city.countryCode} onChange={(_, d) => setCity({ ...city, countryCode: d.value })}>
              <option value="" />
              {directory.stateChoices().map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          )}
        </Field>
        <NumberField label={t("population")} min={0} value={city.population} onChange={(v) => setCity({ ...city, population: v })} error={fieldError(error, "population")} />
      </div>
      <FormError error={error} fields={["name", "cityKey", "countryCode", "population"]} />
      <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={create.isPending}>{t("addCity")}</Button>
    </form>
  );
}

function NewPartnership({ dialogueKey, directory, cities }: { dialogueKey: string; directory: Directory; cities: City[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ cityIds: [] as string[], theme: "", roadmapStart: "", roadmapEnd: "" });
  const [requestKey] = useRequestKey();
  const create = useGraphMutation(CreatePartnership, (data) => navigate(`/partnerships/${data.createCityPartnership.id}`));
  const error = create.error;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ key: dialogueKey, ...draft, idempotencyKey: requestKey });
      }}
    >
      <h3>{t("createPartnership")}</h3>
      <div className="grid-form">
        <ChoicePicker label={t("partnerCities")} hint={t("partnerCitiesHint")}
          choices={cities.map((c) => ({ value: c.id, label: c.name, detail: directory.stateName(c.countryCode) }))}
          selected={draft.cityIds} onChange={(v) => setDraft({ ...draft, cityIds: v })} error={fieldError(error, "cityIds")} />
        <Field label={t("theme")} required error={fieldError(error, "theme")}>
          {(p) => <Input {...p} value={draft.theme} onChange={(_, d) => setDraft({ ...draft, theme: d.value })} dir="auto" />}
        </Field>
        <DateField label={t("roadmapStart")} required value={draft.roadmapStart} onChange={(v) => setDraft({ ...draft, roadmapStart: v })} error={fieldError(error, "roadmapStart")} />
        <DateField label={t("roadmapEnd")} required value={draft.roadmapEnd} onChange={(v) => setDraft({ ...draft, roadmapEnd: v })} error={fieldError(error, "roadmapEnd")} />
      </div>
      <FormError error={error} fields={["cityIds", "theme", "roadmapStart", "roadmapEnd"]} />
      <Button appearance="primary" type="submit" disabled={create.isPending}>{t("createPartnership")}</Button>
    </form>
  );
}

/** A city and its migration profile, version by version; its officials and the secretariat save new versions. */
export function CityPage() {
  const { dialogue = "", key = "" } = useParams();
  const id = `${dialogue}/${key}`;
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const notify = useNotify();
  const city = useGraphQuery(CityQuery, { id });
  const { directory, error } = useDirectory(dialogue);
  const [shown, setShown] = useState<number | null>(null);
  const older = useGraphQuery(CityProfileVersionQuery, { id, number: shown ?? 0 }, { enabled: shown !== null });
  const [draft, setDraft] = useState<Profile | null>(null);
  const [visibility, setVisibility] = useState<MeetingVisibility | "">("");
  const save = useGraphMutation(SaveCityProfile, () => {
    setDraft(null);
    setShown(null);
    notify(t("cityProfileSaved"));
  });
  if (!city.data || !directory) return <Loading error={city.error ?? error} />;
  const c = city.data.city;
  const current = c.profile;
  const profile = shown !== null && shown !== current?.number ? older.data?.cityProfileVersion : current;
  const form: Profile = draft ?? (Object.fromEntries(sections.map((s) => [s, current?.[s] ?? ""])) as Profile);
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });

  return (
    <article>
      <PageHeader
        title={<span data-user-content>{c.name}</span>}
        meta={directory.stateName(c.countryCode)}
        crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${dialogue}` }, { label: t("cityToCity"), to: `/dialogues/${dialogue}/cities` }]}
      />
      <Section title={t("aboutCity")}>
        <dl className="facts">
          <dt>{t("population")}</dt>
          <dd>{c.population === null ? t("notGiven") : names.number(c.population)}</dd>
          <dt>{t("languages")}</dt>
          <dd>{c.languages.length > 0 ? names.list(c.languages.map((l) => names.language(l))) : t("notGiven")}</dd>
          <dt>{t("cityOfficials")}</dt>
          <dd dir="auto">{c.officials.length > 0 ? names.list(c.officials.map((o) => o.name)) : t("none")}</dd>
        </dl>
      </Section>
      <Section title={t("migrationProfile")}>
        {c.profileVersions > 0 && (
          <div className="row">
            <Field label={t("profileVersionShown")}>
              {(p) => (
                <Select {...p} value={String(shown ?? current?.number ?? c.profileVersions)} onChange={(_, d) => setShown(Number(d.value))}>
                  {Array.from({ length: c.profileVersions }, (_, i) => c.profileVersions - i).map((n) => (
                    <option key={n} value={n}>{t(n === current?.number ? "profileVersionCurrent" : "profileVersion", { number: n })}</option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        )}
        {!profile ? (
          shown !== null ? <Loading error={older.error} /> : <p className="empty">{t("noProfileYet")}</p>
        ) : (
          <>
            <p className="meta">
              {t("profileSavedAt", { when: when.format(new Date(profile.savedAt)) })} ·{" "}
              <Badge appearance="outline">{label("MeetingVisibility", profile.visibility)}</Badge>
            </p>
            <dl className="facts profile">
              {sections.map((s) => (
                <div key={s}>
                  <dt>{t(s)}</dt>
                  <dd className="prose" dir="auto" data-user-content>{profile[s] || "—"}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {c.viewerMayEdit && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ id, profile: form, visibility: visibility || current?.visibility || "DIALOGUE_MEMBERS", expectedVersion: c.version });
            }}
          >
            <h3>{current ? t("newProfileVersion") : t("firstProfile")}</h3>
            {sections.map((s) => (
              <Field key={s} label={t(s)} error={fieldError(save.error, s)}>
                {(p) => <Textarea {...p} rows={3} resize="vertical" value={form[s]} onChange={(_, d) => setDraft({ ...form, [s]: d.value })} dir="auto" />}
              </Field>
            ))}
            <Field label={t("whoMayRead")} required error={fieldError(save.error, "visibility")}>
              {(p) => (
                <EnumSelect {...p} enumName="MeetingVisibility" values={["PARTICIPANTS", "DIALOGUE_MEMBERS", "PUBLIC"]}
                  value={visibility || current?.visibility || "DIALOGUE_MEMBERS"} onChange={setVisibility} />
              )}
            </Field>
            <FormError error={save.error} fields={[...sections, "visibility"]} />
            <Button appearance="primary" type="submit" disabled={save.isPending}>{t("saveProfile")}</Button>
          </form>
        )}
      </Section>
    </article>
  );
}

const milestoneStatuses: MilestoneStatus[] = ["PLANNED", "IN_PROGRESS", "DONE", "DROPPED"];

/** A City-to-City partnership: its cities, theme, roadmap of milestones and the meetings linked to it. */
export function PartnershipPage() {
  const { dialogue = "", id = "" } = useParams();
  const partnershipId = `${dialogue}/${id}`;
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const notify = useNotify();
  const data = useGraphQuery(PartnershipQuery, { id: partnershipId });
  const { directory, error } = useDirectory(dialogue);
  const [milestone, setMilestone] = useState({ title: "", dueDate: "" });
  const add = useGraphMutation(AddMilestone, () => {
    setMilestone({ title: "", dueDate: "" });
    notify(t("milestoneAdded"));
  });
  const move = useGraphMutation(SetMilestoneStatus, () => notify(t("saved")));
  if (!data.data || !directory) return <Loading error={data.error ?? error} />;
  const p: Partnership = data.data.cityPartnership;

  return (
    <article>
      <PageHeader
        title={<span data-user-content>{p.theme}</span>}
        meta={<span dir="auto">{names.list(p.cities.map((c) => `${c.name} (${directory.stateName(c.countryCode)})`))}</span>}
        crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${dialogue}` }, { label: t("cityToCity"), to: `/dialogues/${dialogue}/cities` }]}
      />
      <Section title={t("roadmap")}>
        <p>{t("roadmapFromTo", { from: formatDate(p.roadmapStart, language, "long"), to: formatDate(p.roadmapEnd, language, "long") })}</p>
        <DataTable
          label={t("milestones")}
          rows={p.milestones}
          rowKey={(m) => m.id}
          empty={t("noMilestones")}
          columns={[
            { key: "title", header: t("milestone"), cell: (m) => <span dir="auto" data-user-content>{m.title}</span> },
            { key: "due", header: t("dueDate"), cell: (m) => formatDate(m.dueDate, language) },
            {
              key: "status",
              header: t("status"),
              cell: (m) =>
                p.viewerMayEdit ? (
                  <Select aria-label={t("statusOf", { title: m.title })} value={m.status} disabled={move.isPending}
                    onChange={(_, d) => move.mutate({ id: partnershipId, milestoneId: m.id, status: d.value as MilestoneStatus, expectedVersion: p.version })}>
                    {milestoneStatuses.map((s) => <option key={s} value={s}>{label("MilestoneStatus", s)}</option>)}
                  </Select>
                ) : (
                  <Badge appearance="outline" className="status">{label("MilestoneStatus", m.status)}</Badge>
                ),
            },
          ]}
        />
        <FormError error={move.error} />
        {p.viewerMayEdit && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ id: partnershipId, ...milestone, expectedVersion: p.version });
            }}
          >
            <h3>{t("addMilestone")}</h3>
            <div className="grid-form">
              <Field label={t("milestone")} required error={fieldError(add.error, "title")}>
                {(f) => <Input {...f} value={milestone.title} onChange={(_, d) => setMilestone({ ...milestone, title: d.value })} dir="auto" />}
              </Field>
              <DateField label={t("dueDate")} required value={milestone.dueDate} onChange={(v) => setMilestone({ ...milestone, dueDate: v })} error={fieldError(add.error, "dueDate")} />
            </div>
            <FormError error={add.error} fields={["title", "dueDate"]} />
            <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={add.isPending}>{t("addMilestone")}</Button>
          </form>
        )}
      </Section>
      <LinkedMeetings partnership={p} dialogue={dialogue} />
    </article>
  );
}

/**
 * The partnership's meetings that the viewer may see, by title and date (the others only counted), and for its
 * editors a search of the dialogue's meetings to link one more (without a search, the next meetings).
 */
function LinkedMeetings({ partnership: p, dialogue }: { partnership: Partnership; dialogue: string }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const [searched, setSearched] = useState("");
  const [meetingId, setMeetingId] = useState("");
  // The search waits for a pause in typing, so that each key does not ask the server.
  useEffect(() => {
    const timer = setTimeout(() => setSearched(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useGraphQuery(
    LinkableMeetingsQuery,
    searched ? { key: dialogue, titleContains: searched } : { key: dialogue, upcoming: true },
    { enabled: p.viewerMay.linkMeeting, placeholderData: (previous) => previous },
  );
  const link = useGraphMutation(LinkPartnershipMeeting, () => {
    setMeetingId("");
    notify(t("meetingLinked"));
  });
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  const linkable = (found.data?.meetings.nodes ?? []).filter((m) => !p.meetingIds.includes(m.id));
  const hidden = p.meetingIds.length - p.meetings.length;
  return (
    <Section title={t("linkedMeetings")}>
      {p.meetingIds.length === 0 ? (
        <p className="empty">{t("noLinkedMeetings")}</p>
      ) : (
        <ul className="cards">
          {p.meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/meetings/${m.id}`} dir="auto" data-user-content>{titleIn(m.titles, language)}</Link>
              <span className="meta"> · {when.format(new Date(m.startsAt))}</span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="meta">{t("hiddenLinkedMeetings", { count: hidden })}</p>}
      {p.viewerMay.linkMeeting && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate({ id: p.id, meetingId, expectedVersion: p.version });
          }}
        >
          <div className="grid-form">
            <Field label={t("findMeeting")} hint={t("findMeetingHint")}>
              {(f) => <Input {...f} type="search" value={search} onChange={(_, d) => setSearch(d.value)} dir="auto" />}
            </Field>
            <Field label={t("meetingToLink")} required error={fieldError(link.error, "meetingId")}
              hint={searched && found.data && linkable.length === 0 ? t("noMeetingFound") : undefined}>
              {(f) => (
                <Select {...f} value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
                  <option value="" />
                  {linkable.map((m) => (
                    <option key={m.id} value={m.id} data-user-content>{`${titleIn(m.titles, language)} — ${when.format(new Date(m.startsAt))}`}</option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <FormError error={link.error ?? found.error} fields={["meetingId"]} />
          <Button type="submit" icon={<LinkRegular />} disabled={link.isPending}>{t("linkMeeting")}</Button>
        </form>
      )}
    </Section>
  );
}
